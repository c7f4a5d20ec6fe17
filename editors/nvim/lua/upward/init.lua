-- upward: starts the upward language server (`upward lsp`) for Markdown and
-- plain-text buffers. Works on Neovim 0.7 and later:
--   0.11+     vim.lsp.config / vim.lsp.enable
--   0.8-0.10  vim.lsp.start from a FileType autocommand
--   0.7       vim.lsp.start_client + vim.lsp.buf_attach_client
local M = {}

M.name = "upward"
M.install_hint = "go install github.com/upward-lint/upward/cmd/upward@latest"

M.defaults = {
  cmd = { "upward", "lsp" },
  filetypes = { "markdown", "text" },
  -- Rule overrides sent through workspace/configuration (section "upward"):
  -- { rules = { hedging = "hint", ["vague-timing"] = false } }
  settings = {},
  root_markers = { ".upward.toml", ".git" },
  -- Passed through to the client config (on_init runs after the settings
  -- are sent).
  on_attach = nil,
  on_init = nil,
  capabilities = nil,
  -- Force a start method: "config" (0.11+), "start" (0.8+), "start_client" (0.7+).
  -- nil picks the newest one this Neovim has.
  method = nil,
}

M.config = nil
-- root_dir -> client id, for the 0.7 path.
local clients_by_root = {}
local warned_missing = false

local uv = vim.loop

local function notify(msg, level)
  vim.schedule(function()
    vim.notify("upward: " .. msg, level or vim.log.levels.INFO)
  end)
end

local function exists(path)
  return uv.fs_stat(path) ~= nil
end

local function dirname(path)
  local d = path:match("^(.*)/[^/]*$")
  if d == nil or d == "" then
    return "/"
  end
  return d
end

--- Returns the directory holding the nearest marker (.upward.toml first, then
--- .git) above path, else the file's own directory.
function M.find_root(path, markers)
  markers = markers or M.defaults.root_markers
  if path == nil or path == "" then
    return uv.cwd()
  end
  path = vim.fn.fnamemodify(path, ":p")
  local start = dirname(path)
  for _, marker in ipairs(markers) do
    local dir = start
    while true do
      if exists(dir .. "/" .. marker) then
        return dir
      end
      local parent = dirname(dir)
      if parent == dir then
        break
      end
      dir = parent
    end
  end
  return start
end

--- The settings table for the client: the server pulls section "upward".
--- An empty Lua table would reach the server as a JSON array ([]), so empty
--- tables become vim.empty_dict() ({}).
function M.client_settings(settings)
  settings = vim.deepcopy(settings or {})
  local full = settings.upward ~= nil and settings or { upward = settings }
  if type(full.upward) ~= "table" or next(full.upward) == nil then
    full.upward = { rules = vim.empty_dict() }
  elseif full.upward.rules == nil or next(full.upward.rules) == nil then
    full.upward.rules = vim.empty_dict()
  end
  return full
end

--- The start method this Neovim supports (or the forced one).
function M.method(opts)
  if opts and opts.method then
    return opts.method
  end
  if vim.lsp.config ~= nil and vim.lsp.enable ~= nil then
    return "config"
  elseif vim.lsp.start ~= nil then
    return "start"
  end
  return "start_client"
end

local function check_cmd(cmd)
  local exe = type(cmd) == "table" and cmd[1] or nil
  if exe == nil or vim.fn.executable(exe) == 1 then
    return true
  end
  if not warned_missing then
    warned_missing = true
    notify(
      string.format(
        "cannot start the language server: %q is not executable or not on PATH. Install it with `%s` or pass cmd = { '/path/to/upward', 'lsp' } to setup().",
        exe,
        M.install_hint
      ),
      vim.log.levels.ERROR
    )
  end
  return false
end

-- client:notify on 0.11+, client.notify before.
local function client_notify(client, method, params)
  if vim.fn.has("nvim-0.11") == 1 then
    return client:notify(method, params)
  end
  return client.notify(method, params)
end

--- An on_init for the client config: pushes the settings with
--- workspace/didChangeConfiguration as soon as the server is initialized,
--- then calls the user's on_init. Neovim 0.7 neither announces
--- workspace/configuration (so the server never asks) nor sends the settings
--- itself; on newer Neovim the push is harmless (the server asks again).
function M.on_init(cfg)
  return function(client, result)
    client_notify(client, "workspace/didChangeConfiguration", { settings = M.client_settings(cfg.settings) })
    if cfg.on_init then
      return cfg.on_init(client, result)
    end
  end
end

local function client_config(cfg, root)
  return {
    name = M.name,
    cmd = cfg.cmd,
    root_dir = root,
    workspace_folders = root and { { uri = vim.uri_from_fname(root), name = root } } or nil,
    settings = M.client_settings(cfg.settings),
    on_init = M.on_init(cfg),
    on_attach = cfg.on_attach,
    capabilities = cfg.capabilities,
    flags = { debounce_text_changes = 50 },
  }
end

local function buf_path(bufnr)
  return vim.api.nvim_buf_get_name(bufnr)
end

local function wants(bufnr, cfg)
  if not vim.api.nvim_buf_is_valid(bufnr) then
    return false
  end
  if vim.bo[bufnr].buftype ~= "" then
    return false
  end
  local ft = vim.bo[bufnr].filetype
  for _, f in ipairs(cfg.filetypes) do
    if f == ft then
      return true
    end
  end
  return false
end

--- Attaches the server to bufnr (0.7-0.10 paths). Returns the client id.
function M.attach(bufnr, cfg)
  cfg = cfg or M.config or M.defaults
  bufnr = (bufnr == nil or bufnr == 0) and vim.api.nvim_get_current_buf() or bufnr
  if not wants(bufnr, cfg) or not check_cmd(cfg.cmd) then
    return nil
  end
  local root = M.find_root(buf_path(bufnr), cfg.root_markers)
  local method = M.method(cfg)
  if method == "start" then
    return vim.lsp.start(client_config(cfg, root), { bufnr = bufnr })
  end
  local id = clients_by_root[root]
  if id ~= nil then
    local c = vim.lsp.get_client_by_id(id)
    if c == nil or (c.is_stopped and c.is_stopped()) then
      id = nil
    end
  end
  if id == nil then
    id = vim.lsp.start_client(client_config(cfg, root))
    if id == nil then
      notify("the language server failed to start (" .. table.concat(cfg.cmd, " ") .. ")", vim.log.levels.ERROR)
      return nil
    end
    clients_by_root[root] = id
  end
  vim.lsp.buf_attach_client(bufnr, id)
  return id
end

--- Configures and enables upward. Call once from your init.lua.
function M.setup(opts)
  local cfg = vim.tbl_deep_extend("force", {}, M.defaults, opts or {})
  if opts and opts.filetypes then
    cfg.filetypes = opts.filetypes
  end
  if opts and opts.cmd then
    cfg.cmd = opts.cmd
  end
  M.config = cfg

  local method = M.method(cfg)
  if method == "config" then
    if not check_cmd(cfg.cmd) then
      return
    end
    vim.lsp.config(M.name, {
      cmd = cfg.cmd,
      filetypes = cfg.filetypes,
      root_dir = function(bufnr, on_dir)
        on_dir(M.find_root(buf_path(bufnr), cfg.root_markers))
      end,
      settings = M.client_settings(cfg.settings),
      on_init = M.on_init(cfg),
      on_attach = cfg.on_attach,
      capabilities = cfg.capabilities,
    })
    vim.lsp.enable(M.name)
    return
  end

  local group = vim.api.nvim_create_augroup("upward", { clear = true })
  vim.api.nvim_create_autocmd("FileType", {
    group = group,
    pattern = cfg.filetypes,
    callback = function(args)
      M.attach(args.buf, cfg)
    end,
  })
  -- Buffers already open when setup runs.
  for _, bufnr in ipairs(vim.api.nvim_list_bufs()) do
    if vim.api.nvim_buf_is_loaded(bufnr) and wants(bufnr, cfg) then
      M.attach(bufnr, cfg)
    end
  end
end

--- Sends changed settings to running upward clients.
function M.update_settings(settings)
  local cfg = M.config or M.defaults
  cfg.settings = settings or {}
  local full = M.client_settings(cfg.settings)
  local get = vim.lsp.get_clients or vim.lsp.get_active_clients
  for _, c in pairs(get()) do
    if c.name == M.name then
      c.config.settings = full
      client_notify(c, "workspace/didChangeConfiguration", { settings = full })
    end
  end
end

return M
