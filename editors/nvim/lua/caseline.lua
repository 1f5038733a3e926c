--! caseline for Neovim 0.7 and newer: starts `caseline lsp` for `.case` buffers,
--! one server per project root, using only `vim.lsp.start_client` and
--! `vim.lsp.buf_attach_client` (both in 0.7; `vim.lsp.start` came in 0.8).
--! Must not depend on nvim-lspconfig or any other plugin.
--!
--! Usage (init.lua), with this folder on 'runtimepath':
--!   vim.opt.runtimepath:append("/path/to/caseline/editors/nvim")
--!   require("caseline").setup({})            -- `caseline` on PATH
--!   require("caseline").setup({ cmd = { "/opt/caseline", "lsp" }, as_of = "2025-02-18" })

local M = {}

M.defaults = {
  -- The command that runs the server over stdio.
  cmd = { "caseline", "lsp" },
  -- Judge open deadlines as of this date ("YYYY-MM-DD") instead of each case's
  -- `as-of` line or today; nil for the usual rule.
  as_of = nil,
  -- A folder holding one of these is the project (its definitions files and
  -- caseline.toml apply); otherwise the file's own folder is.
  root_markers = { "caseline.toml", ".git" },
  -- Called as on_attach(client, bufnr), e.g. to set key maps.
  on_attach = nil,
  -- Passed through to the client (nil: Neovim's defaults).
  capabilities = nil,
}

local config = vim.deepcopy(M.defaults)
-- Project root -> client id, so every buffer of a project shares one server.
local clients = {}

local function exists(path)
  return vim.loop.fs_stat(path) ~= nil
end

-- Walks up from `dir` to the first folder holding a root marker.
local function find_root(dir, markers)
  local current = dir
  while current and current ~= "" do
    for _, marker in ipairs(markers) do
      if exists(current .. "/" .. marker) then
        return current
      end
    end
    local parent = vim.fn.fnamemodify(current, ":h")
    if parent == current then
      return nil
    end
    current = parent
  end
  return nil
end

local function init_options()
  if config.as_of then
    return { asOf = config.as_of }
  end
  return vim.empty_dict()
end

local warned_missing = false

--- Attaches the caseline server to `bufnr`, starting it for the buffer's project if needed.
function M.attach(bufnr)
  bufnr = bufnr or vim.api.nvim_get_current_buf()
  local program = config.cmd[1]
  if vim.fn.executable(program) ~= 1 then
    if not warned_missing then
      warned_missing = true
      vim.notify(
        "caseline: cannot run '" .. tostring(program) .. "'. Install caseline so that `caseline --version` "
          .. "works in a terminal, or pass its full path: require('caseline').setup({ cmd = { '/path/to/caseline', 'lsp' } })",
        vim.log.levels.ERROR
      )
    end
    return nil
  end

  local file = vim.api.nvim_buf_get_name(bufnr)
  local dir = file ~= "" and vim.fn.fnamemodify(file, ":p:h") or vim.fn.getcwd()
  local root = find_root(dir, config.root_markers) or dir

  local id = clients[root]
  local client = id and vim.lsp.get_client_by_id(id)
  if not client or client.is_stopped() then
    id = vim.lsp.start_client({
      name = "caseline",
      cmd = config.cmd,
      root_dir = root,
      workspace_folders = { { uri = vim.uri_from_fname(root), name = root } },
      init_options = init_options(),
      capabilities = config.capabilities,
      on_attach = config.on_attach,
      on_exit = function()
        clients[root] = nil
      end,
    })
    if not id then
      vim.notify("caseline: the server could not be started; see :lua print(vim.lsp.get_log_path())", vim.log.levels.ERROR)
      return nil
    end
    clients[root] = id
  end
  vim.lsp.buf_attach_client(bufnr, id)
  return id
end

-- Built-in procedures are not files: go-to-definition on an event kind or a
-- procedure lands in a `caseline-builtin:/NAME.case` document, whose text the
-- server gives (`caseline/builtinSource`, docs/lsp-extensions.md). Without
-- this, Neovim opens an empty buffer there and the jump fails.
local function read_builtin(bufnr)
  -- Neovim 0.7 makes the name a path (`/cwd/caseline-builtin:/x.case`): the
  -- URI is what starts at the scheme.
  local name = vim.api.nvim_buf_get_name(bufnr)
  local uri = name:sub((name:find("caseline%-builtin:")) or 1)
  local text
  for _, id in pairs(clients) do
    local client = vim.lsp.get_client_by_id(id)
    if client and not client.is_stopped() then
      local reply = client.request_sync("caseline/builtinSource", { uri = uri }, 5000, bufnr)
      if reply and reply.result and reply.result.text then
        text = reply.result.text
        break
      end
    end
  end
  text = text or ("# The caseline server is not running, so " .. uri .. " cannot be shown.\n")
  local lines = vim.split(text, "\n", { plain = true })
  if lines[#lines] == "" then
    table.remove(lines)
  end
  vim.bo[bufnr].modifiable = true
  vim.api.nvim_buf_set_lines(bufnr, 0, -1, false, lines)
  vim.bo[bufnr].buftype = "nofile"
  vim.bo[bufnr].modifiable = false
  vim.bo[bufnr].readonly = true
  vim.bo[bufnr].filetype = "caseline"
end

-- "Copy as decision wording" (a code action on a stage's or a recommendation's
-- line) carries the client command `caseline.copyDecisionWording` with that
-- paragraph as its argument (docs/lsp-extensions.md). Without this handler
-- Neovim would send it back to the server, which does not run it. The text goes
-- to the unnamed register, and to "+" when Neovim has a clipboard.
function M.copy_decision_wording(command)
  local text = command and command.arguments and command.arguments[1]
  if type(text) ~= "string" or text == "" then
    vim.notify("caseline: nothing to copy", vim.log.levels.WARN)
    return
  end
  vim.fn.setreg('"', text)
  local where = "the unnamed register (paste it with p)"
  if vim.fn.has("clipboard") == 1 and pcall(vim.fn.setreg, "+", text) then
    where = "the clipboard"
  end
  vim.notify("caseline: decision wording copied to " .. where, vim.log.levels.INFO)
end

--- Sets the options and the autocommands: `.case` files get the `caseline`
--- filetype, and every `caseline` buffer gets the server.
function M.setup(opts)
  config = vim.tbl_deep_extend("force", vim.deepcopy(M.defaults), opts or {})
  vim.lsp.commands["caseline.copyDecisionWording"] = M.copy_decision_wording
  local group = vim.api.nvim_create_augroup("caseline", { clear = true })
  vim.api.nvim_create_autocmd({ "BufRead", "BufNewFile" }, {
    group = group,
    pattern = "*.case",
    callback = function(args)
      vim.bo[args.buf].filetype = "caseline"
    end,
  })
  vim.api.nvim_create_autocmd("FileType", {
    group = group,
    pattern = "caseline",
    callback = function(args)
      -- A built-in procedure's document is read-only text, not a case to check.
      if vim.api.nvim_buf_get_name(args.buf):find("caseline%-builtin:") then
        return
      end
      M.attach(args.buf)
    end,
  })
  vim.api.nvim_create_autocmd("BufReadCmd", {
    group = group,
    -- With a "/" in it, the pattern is matched against the whole name, not
    -- just its tail (`x.case`).
    pattern = "*caseline-builtin:/*",
    callback = function(args)
      read_builtin(args.buf)
    end,
  })
end

return M
