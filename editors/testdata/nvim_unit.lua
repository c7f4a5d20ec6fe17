-- Unit checks of the Neovim plugin's helpers, run headless by
-- editors_test.go (no server needed). Prints "ok N" or exits non-zero with
-- the failures on stderr.
local failures, checks = {}, 0

local function eq(name, got, want)
  checks = checks + 1
  if not vim.deep_equal(got, want) then
    table.insert(failures, string.format("%s: got %s, want %s", name, vim.inspect(got), vim.inspect(want)))
  end
end

vim.opt.runtimepath:prepend(assert(vim.env.UPWARD_PLUGIN))
vim.cmd("filetype plugin on")
local upward = require("upward")
local tmp = assert(vim.env.UPWARD_TMP)

-- Settings reach the server as {"upward": {"rules": {...}}}; empty tables must
-- encode as JSON objects, not arrays.
eq("empty settings", vim.fn.json_encode(upward.client_settings({})), '{"upward": {"rules": {}}}')
eq("nil settings", vim.fn.json_encode(upward.client_settings(nil)), '{"upward": {"rules": {}}}')
eq(
  "rules wrapped",
  vim.fn.json_decode(vim.fn.json_encode(upward.client_settings({ rules = { hedging = "hint", ["vague-timing"] = false } }))),
  { upward = { rules = { hedging = "hint", ["vague-timing"] = false } } }
)
eq(
  "already wrapped",
  vim.fn.json_decode(vim.fn.json_encode(upward.client_settings({ upward = { rules = { crisis = "error" } } }))),
  { upward = { rules = { crisis = "error" } } }
)

-- Root detection: nearest .upward.toml, else .git, else the file's folder.
local function touch(path)
  vim.fn.mkdir(vim.fn.fnamemodify(path, ":h"), "p")
  local f = assert(io.open(path, "w"))
  f:close()
end
touch(tmp .. "/repo/.git/HEAD")
touch(tmp .. "/repo/team/.upward.toml")
touch(tmp .. "/repo/team/notes/a.md")
touch(tmp .. "/repo/other/b.md")
touch(tmp .. "/loose/c.txt")
eq("root .upward.toml", upward.find_root(tmp .. "/repo/team/notes/a.md"), tmp .. "/repo/team")
eq("root .git", upward.find_root(tmp .. "/repo/other/b.md"), tmp .. "/repo")
eq("root none", upward.find_root(tmp .. "/loose/c.txt"), tmp .. "/loose")

-- Start method: forced, or the newest this Neovim has.
eq("forced method", upward.method({ method = "start" }), "start")
local want_method = "start_client"
if vim.fn.has("nvim-0.11") == 1 then
  want_method = "config"
elseif vim.fn.has("nvim-0.8") == 1 then
  want_method = "start"
end
eq("method", upward.method({}), want_method)

-- A missing binary is reported once, with the install command, and starts nothing.
local notes = {}
vim.notify = function(msg, level)
  table.insert(notes, { msg = msg, level = level })
end
upward.setup({ cmd = { "upward-does-not-exist", "lsp" } })
vim.cmd("edit " .. vim.fn.fnameescape(tmp .. "/repo/team/notes/a.md"))
vim.cmd("edit " .. vim.fn.fnameescape(tmp .. "/repo/other/b.md"))
vim.wait(200, function()
  return #notes > 0
end)
eq("missing binary notified once", #notes, 1)
if notes[1] then
  eq("missing binary level", notes[1].level, vim.log.levels.ERROR)
  eq("missing binary names the install command", notes[1].msg:find(upward.install_hint, 1, true) ~= nil, true)
end
eq("no client for a missing binary", #vim.lsp.buf_get_clients(0), 0)

-- :help upward works from the plugin folder alone: doc/tags is shipped, and
-- it is what :helptags makes of doc/upward.txt today.
local doc = vim.env.UPWARD_PLUGIN .. "/doc"
local ok_help, help_err = pcall(vim.cmd, "help upward")
eq("help upward opens", ok_help and "" or tostring(help_err), "")
if ok_help then
  eq("help upward file", vim.fn.expand("%:t"), "upward.txt")
  eq("help upward tag line", vim.fn.getline("."):find("*upward*", 1, true) ~= nil, true)
  vim.cmd("helpclose")
end
local function read(path)
  local f = io.open(path, "r")
  if not f then
    return nil
  end
  local data = f:read("*a")
  f:close()
  return data
end
vim.fn.mkdir(tmp .. "/doc", "p")
local copy = assert(io.open(tmp .. "/doc/upward.txt", "w"))
copy:write(assert(read(doc .. "/upward.txt")))
copy:close()
vim.cmd("helptags " .. vim.fn.fnameescape(tmp .. "/doc"))
eq("doc/tags is up to date (run :helptags editors/nvim/doc)", read(doc .. "/tags"), read(tmp .. "/doc/tags"))

if #failures > 0 then
  io.stderr:write(table.concat(failures, "\n") .. "\n")
  vim.cmd("cquit 1")
end
io.stdout:write("ok " .. checks .. "\n")
vim.cmd("qall!")
