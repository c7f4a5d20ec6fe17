-- Headless Neovim driver for editors_test.go. Loads the plugin from
-- $UPWARD_PLUGIN, opens $UPWARD_DRAFT, waits for upward's diagnostics,
-- applies the preferred quick fix of the first one and then of the next,
-- and writes what happened as JSON to $UPWARD_OUT. With
-- $UPWARD_MODE=project it instead runs the "Allow … in this project" and
-- "Disable … in this project" actions and records the config they edit.
local env = vim.env
local out_path = assert(env.UPWARD_OUT, "UPWARD_OUT not set")
local timeout = tonumber(env.UPWARD_TIMEOUT_MS or "20000")

local function write_result(tbl)
  local f = assert(io.open(out_path, "w"))
  f:write(vim.fn.json_encode(tbl))
  f:close()
end

-- Record every publishDiagnostics the server sends, raw, before Neovim's own
-- handler turns them into vim.diagnostic entries.
local published = {}
local publish_count = 0
local orig = vim.lsp.handlers["textDocument/publishDiagnostics"]
vim.lsp.handlers["textDocument/publishDiagnostics"] = function(err, result, ctx, config)
  if result then
    publish_count = publish_count + 1
    published[result.uri] = { version = result.version, diagnostics = result.diagnostics, seq = publish_count }
  end
  return orig(err, result, ctx, config)
end

-- Record window/showMessage too (the summary lens's command shows one).
local messages = {}
local orig_msg = vim.lsp.handlers["window/showMessage"]
vim.lsp.handlers["window/showMessage"] = function(err, result, ctx, config)
  if result then
    table.insert(messages, result.message)
  end
  return orig_msg(err, result, ctx, config)
end

local function simplify(diags)
  local list = {}
  for _, d in ipairs(diags or {}) do
    table.insert(list, {
      code = d.code,
      source = d.source,
      severity = d.severity,
      message = d.message,
      line = d.range.start.line,
      col = d.range.start.character,
      end_line = d.range["end"].line,
      end_col = d.range["end"].character,
    })
  end
  table.sort(list, function(a, b)
    if a.line ~= b.line then
      return a.line < b.line
    end
    return a.col < b.col
  end)
  return list
end

local function sorted(diags)
  local copy = vim.deepcopy(diags)
  table.sort(copy, function(a, b)
    if a.range.start.line ~= b.range.start.line then
      return a.range.start.line < b.range.start.line
    end
    return a.range.start.character < b.range.start.character
  end)
  return copy
end

local new_api = vim.fn.has("nvim-0.11") == 1

-- request_sync and stop became methods (client:request_sync) in 0.11.
local function request_sync(client, method, params, bufnr)
  if new_api then
    return client:request_sync(method, params, timeout, bufnr)
  end
  return client.request_sync(method, params, timeout, bufnr)
end

local function all_clients(bufnr)
  if vim.lsp.get_clients then
    return vim.lsp.get_clients({ bufnr = bufnr })
  end
  if bufnr then
    return vim.lsp.buf_get_clients(bufnr)
  end
  return vim.lsp.get_active_clients()
end

local function upward_client(bufnr)
  for _, c in pairs(all_clients(bufnr)) do
    if c.name == "upward" then
      return c
    end
  end
  return nil
end

-- Asks for code actions at diag, applies the preferred one (else the first
-- with an edit) and returns its title and all titles.
local function apply_fix(bufnr, client, uri, diag)
  local params = {
    textDocument = { uri = uri },
    range = diag.range,
    context = { diagnostics = { diag }, only = { "quickfix" } },
  }
  local resp, err = request_sync(client, "textDocument/codeAction", params, bufnr)
  assert(resp, "codeAction request failed: " .. tostring(err))
  assert(not resp.err, "codeAction error: " .. vim.inspect(resp.err))
  local actions = resp.result or {}
  local titles, chosen = {}, nil
  for _, a in ipairs(actions) do
    table.insert(titles, a.title)
    if chosen == nil and a.isPreferred then
      chosen = a
    end
  end
  if chosen == nil then
    chosen = actions[1]
  end
  assert(chosen, "no code actions for " .. vim.inspect(diag))
  if chosen.edit == nil and chosen.command == nil then
    local r = request_sync(client, "codeAction/resolve", chosen, bufnr)
    assert(r and not r.err, "codeAction/resolve failed: " .. vim.inspect(r))
    chosen = r.result
  end
  if chosen.edit then
    vim.lsp.util.apply_workspace_edit(chosen.edit, client.offset_encoding or "utf-16")
  end
  local cmd = chosen.command
  if type(cmd) == "table" then
    request_sync(client, "workspace/executeCommand", { command = cmd.command, arguments = cmd.arguments }, bufnr)
  end
  return chosen.title, titles, chosen.isPreferred == true
end

-- Waits for a publish newer than seq in which no diagnostic with code sits
-- on line; returns it.
local function wait_republish(uri, seq, code, line)
  local ok = vim.wait(timeout, function()
    local p = published[uri]
    if not p or p.seq <= seq then
      return false
    end
    for _, d in ipairs(p.diagnostics) do
      if d.code == code and d.range.start.line == line then
        return false
      end
    end
    return true
  end, 20)
  return ok, published[uri]
end

-- Runs the code action titled title for diag (its command goes to the
-- server, which sends workspace/applyEdit back) and returns the titles.
local function run_action(bufnr, client, uri, diag, title)
  local params = {
    textDocument = { uri = uri },
    range = diag.range,
    context = { diagnostics = { diag }, only = { "quickfix" } },
  }
  local resp, err = request_sync(client, "textDocument/codeAction", params, bufnr)
  assert(resp and not resp.err, "codeAction failed: " .. tostring(err) .. vim.inspect(resp))
  local titles, chosen = {}, nil
  for _, a in ipairs(resp.result or {}) do
    table.insert(titles, a.title)
    if a.title == title then
      chosen = a
    end
  end
  assert(chosen, "no action " .. title .. " among " .. vim.inspect(titles))
  local cmd = chosen.command
  assert(type(cmd) == "table", "action " .. title .. " has no command")
  -- What vim.lsp.buf.code_action does with a server command.
  local r = request_sync(client, "workspace/executeCommand", { command = cmd.command, arguments = cmd.arguments }, bufnr)
  assert(r and not r.err, "executeCommand failed: " .. vim.inspect(r))
  return titles
end

local function run_project(result, bufnr, client, uri)
  local cfg = assert(env.UPWARD_CONFIG, "UPWARD_CONFIG not set")
  local p = published[uri]
  local timing = nil
  for _, d in ipairs(p.diagnostics) do
    if d.code == "vague-timing" then
      timing = d
    end
  end
  assert(timing, "no vague-timing diagnostic")
  result.allow_titles = run_action(bufnr, client, uri, timing, 'Allow "soon" in this project')
  local ok, p2 = wait_republish(uri, p.seq, "vague-timing", timing.range.start.line)
  result.republished = ok
  result.diagnostics_after_allow = simplify(p2 and p2.diagnostics)
  local cfgbuf = vim.fn.bufnr(cfg)
  result.config_loaded = cfgbuf > 0
  if cfgbuf > 0 then
    result.config_after_allow = vim.api.nvim_buf_get_lines(cfgbuf, 0, -1, false)
  end

  local hedging = nil
  for _, d in ipairs(p2.diagnostics) do
    if d.code == "hedging" then
      hedging = d
    end
  end
  assert(hedging, "no hedging diagnostic after allowing soon")
  run_action(bufnr, client, uri, hedging, "Disable hedging in this project")
  local ok2, p3 = wait_republish(uri, p2.seq, "hedging", hedging.range.start.line)
  result.republished_after_disable = ok2
  result.diagnostics_after_disable = simplify(p3 and p3.diagnostics)
  cfgbuf = vim.fn.bufnr(cfg)
  result.config_after_disable = vim.api.nvim_buf_get_lines(cfgbuf, 0, -1, false)
  result.config_modified = vim.bo[cfgbuf].modified
  -- The user saves: the file on disk is what the Go side checks.
  vim.cmd("wall")
  return result
end

local function run()
  vim.opt.runtimepath:prepend(assert(env.UPWARD_PLUGIN, "UPWARD_PLUGIN not set"))
  vim.cmd("filetype plugin on")
  local upward = require("upward")
  -- The README's settings: they must reach the server on every Neovim
  -- (0.7 never announces workspace/configuration).
  local opts = {
    cmd = { assert(env.UPWARD_BIN, "UPWARD_BIN not set"), "lsp" },
    filetypes = { "markdown", "text" },
    settings = { rules = { hedging = "hint" } },
  }
  if env.UPWARD_MODE == "project" then
    -- Settings win over .upward.toml for the rules they name.
    opts.settings = {}
  end
  if env.UPWARD_METHOD and env.UPWARD_METHOD ~= "" then
    opts.method = env.UPWARD_METHOD
  end
  upward.setup(opts)

  local draft = assert(env.UPWARD_DRAFT, "UPWARD_DRAFT not set")
  vim.cmd("edit " .. vim.fn.fnameescape(draft))
  local bufnr = vim.api.nvim_get_current_buf()
  local uri = vim.uri_from_bufnr(bufnr)

  local result = {
    nvim = string.format("%d.%d.%d", vim.version().major, vim.version().minor, vim.version().patch),
    method = upward.method(upward.config),
    filetype = vim.bo[bufnr].filetype,
    root = upward.find_root(draft),
  }

  local t0 = vim.loop.now()
  local gone = false
  local got = vim.wait(timeout, function()
    local p = published[uri]
    if p ~= nil and #p.diagnostics > 0 then
      return true
    end
    -- Stop early when the server died.
    gone = vim.loop.now() - t0 > 3000 and upward_client(bufnr) == nil
    return gone
  end, 20)
  local client = upward_client(bufnr)
  result.attached = client ~= nil
  if gone then
    result.error = "the upward client is not attached (did the server exit? see lsp.log)"
    return result
  end
  if not got then
    result.error = "no diagnostics within " .. timeout .. " ms"
    return result
  end
  if env.UPWARD_MODE == "project" then
    return run_project(result, bufnr, client, uri)
  end
  -- Settings that arrive after the first lint re-lint: give them a moment,
  -- then take what the server says (the test checks hedging is a hint).
  vim.wait(3000, function()
    for _, d in ipairs(published[uri].diagnostics) do
      if d.code == "hedging" and d.severity == vim.lsp.protocol.DiagnosticSeverity.Hint then
        return true
      end
    end
    return false
  end, 20)
  local p = published[uri]
  result.version = p.version
  result.diagnostics = simplify(p.diagnostics)
  result.shown = #vim.diagnostic.get(bufnr)

  -- The summary code lens on the title line, and what choosing it shows.
  vim.lsp.codelens.refresh()
  vim.wait(timeout, function()
    return #vim.lsp.codelens.get(bufnr) > 0
  end, 20)
  local lens = vim.lsp.codelens.get(bufnr)[1]
  if lens and lens.command then
    result.lens = lens.command.title
    result.lens_line = lens.range.start.line
    vim.api.nvim_win_set_cursor(0, { lens.range.start.line + 1, 0 })
    vim.lsp.codelens.run()
    vim.wait(timeout, function()
      for _, m in ipairs(messages) do
        if m:find(lens.command.title, 1, true) then
          result.lens_message = m
          return true
        end
      end
      return false
    end, 20)
  end

  local function pick(diags, code)
    diags = sorted(diags)
    for _, d in ipairs(diags) do
      if code == nil or code == "" or d.code == code then
        return d
      end
    end
    return diags[1]
  end
  local first = pick(p.diagnostics, env.UPWARD_FIX_CODE)
  result.fix1, result.fix1_titles, result.fix1_preferred = apply_fix(bufnr, client, uri, first)
  result.lines_after_fix1 = vim.api.nvim_buf_get_lines(bufnr, 0, -1, false)

  local ok, p2 = wait_republish(uri, p.seq, first.code, first.range.start.line)
  result.republished = ok
  result.diagnostics_after_fix1 = simplify(p2 and p2.diagnostics)

  -- The next finding (vague-timing in the test draft): its fix leaves a placeholder.
  local second = pick(p2.diagnostics, env.UPWARD_FIX2_CODE)
  if second then
    result.fix2, result.fix2_titles = apply_fix(bufnr, client, uri, second)
    result.lines_after_fix2 = vim.api.nvim_buf_get_lines(bufnr, 0, -1, false)
  end
  return result
end

local ok, res = pcall(run)
if not ok then
  write_result({ error = tostring(res) })
  vim.cmd("cquit 1")
end
write_result(res)
for _, c in pairs(all_clients(nil)) do
  if new_api then
    c:stop()
  else
    c.stop()
  end
end
vim.wait(2000, function()
  return #all_clients(nil) == 0
end, 20)
vim.cmd("qall!")
