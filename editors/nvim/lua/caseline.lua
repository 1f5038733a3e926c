--! caseline for Neovim 0.7 and newer: starts `caseline lsp` for `.case` buffers,
--! one server per project root: `vim.lsp.start` where there is one (0.8+; 0.11
--! deprecates `vim.lsp.start_client`), else `vim.lsp.start_client` and
--! `vim.lsp.buf_attach_client` (0.7). Newer APIs are feature-detected, never
--! assumed. Must not depend on nvim-lspconfig or any other plugin.
--!
--! Usage (init.lua), with this folder on 'runtimepath':
--!   vim.opt.runtimepath:append("/path/to/caseline/editors/nvim")
--!   require("caseline").setup({})            -- `caseline` on PATH
--!   require("caseline").setup({ cmd = { "/opt/caseline", "lsp" }, as_of = "2025-02-18" })
--! `:CaselineNew children-statutory` then inserts a new case (`caseline new`);
--! `:CaselineTimeline` opens the case's timeline page in the browser.

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
  -- Called as on_attach(client, bufnr) after caseline's own setup of the buffer.
  on_attach = nil,
  -- Buffer-local key maps set when the server attaches; `keys = false` sets
  -- none, and a map set to false is left out (e.g. keys = { rename = false }).
  keys = {
    hover = "K",
    definition = "gd",
    references = "gr",
    rename = "<leader>rn",
    code_action = "<leader>ca",
    format = "<leader>f",
  },
  -- Show inlay hints (working days, due dates) where Neovim can (0.10+).
  inlay_hints = true,
  -- Fold stages and blocks with the server's folding ranges where Neovim can
  -- (0.11+, `vim.lsp.foldexpr`); nothing is folded when the case opens.
  folds = true,
  -- Passed through to the client (nil: Neovim's defaults).
  capabilities = nil,
}

local config = vim.deepcopy(M.defaults)
-- Project root -> client id, so every buffer of a project shares one server.
local clients = {}

local uv = vim.uv or vim.loop -- vim.uv from 0.10

local function exists(path)
  return uv.fs_stat(path) ~= nil
end

-- Client methods are called with ":" from 0.11 (the "." form is deprecated
-- there) and with "." before it.
local colon_methods = vim.fn.has("nvim-0.11") == 1
local function call(client, method, ...)
  if colon_methods then
    return client[method](client, ...)
  end
  return client[method](...)
end

local function running(client)
  return client ~= nil and not call(client, "is_stopped")
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

-- What a user expects in a buffer with a language server: completion with
-- <C-x><C-o>, and keys for hover, definition, references, rename, code
-- actions and formatting (Neovim 0.7 sets none of these by itself).
local function on_attach(client, bufnr)
  vim.bo[bufnr].omnifunc = "v:lua.vim.lsp.omnifunc"
  if config.keys then
    local format = vim.lsp.buf.format or vim.lsp.buf.formatting -- 0.8+ / 0.7
    local actions = {
      hover = { vim.lsp.buf.hover, "caseline: what this line means" },
      definition = { vim.lsp.buf.definition, "caseline: go to the definition" },
      references = { vim.lsp.buf.references, "caseline: where this is used" },
      rename = { vim.lsp.buf.rename, "caseline: rename" },
      code_action = { vim.lsp.buf.code_action, "caseline: quick fixes" },
      format = {
        function()
          format({ bufnr = bufnr })
        end,
        "caseline: format the case",
      },
    }
    for name, lhs in pairs(config.keys) do
      local action = actions[name]
      if lhs and action then
        vim.keymap.set("n", lhs, action[1], { buffer = bufnr, desc = action[2] })
      end
    end
  end
  if config.inlay_hints and vim.lsp.inlay_hint and vim.lsp.inlay_hint.enable then
    pcall(vim.lsp.inlay_hint.enable, true, { bufnr = bufnr })
  end
  if config.folds and vim.lsp.foldexpr and client.server_capabilities.foldingRangeProvider then
    for _, win in ipairs(vim.fn.win_findbuf(bufnr)) do
      M.set_folds(win)
    end
  end
  if config.on_attach then
    config.on_attach(client, bufnr)
  end
end

--- Folds window `win` with the server's folding ranges (Neovim 0.11+), all open.
function M.set_folds(win)
  if not vim.lsp.foldexpr then
    return
  end
  vim.wo[win].foldmethod = "expr"
  vim.wo[win].foldexpr = "v:lua.vim.lsp.foldexpr()"
  vim.wo[win].foldlevel = 99
end

--- Attaches the caseline server to `bufnr`, starting it for the buffer's project if needed.
function M.attach(bufnr)
  bufnr = bufnr or vim.api.nvim_get_current_buf()
  local program = config.cmd[1]
  if vim.fn.executable(program) ~= 1 then
    if not warned_missing then
      warned_missing = true
      -- Scheduled: an error message from inside the FileType autocommand
      -- would abort it and print a Lua stack trace around the message.
      vim.schedule(function()
        vim.notify(
          "caseline: cannot run '" .. tostring(program) .. "'. Install caseline so that `caseline --version` "
            .. "works in a terminal, or pass its full path: require('caseline').setup({ cmd = { '/path/to/caseline', 'lsp' } })",
          vim.log.levels.ERROR
        )
      end)
    end
    return nil
  end

  local file = vim.api.nvim_buf_get_name(bufnr)
  local dir = file ~= "" and vim.fn.fnamemodify(file, ":p:h") or vim.fn.getcwd()
  local root = find_root(dir, config.root_markers) or dir

  local id = clients[root]
  local client = id and vim.lsp.get_client_by_id(id)
  if not running(client) then
    local client_config = {
      name = "caseline",
      cmd = config.cmd,
      root_dir = root,
      workspace_folders = { { uri = vim.uri_from_fname(root), name = root } },
      init_options = init_options(),
      capabilities = config.capabilities,
      on_attach = on_attach,
      on_exit = function()
        clients[root] = nil
      end,
    }
    if vim.lsp.start then
      -- Starts the client (or reuses the one for this root) and attaches it.
      id = vim.lsp.start(client_config, { bufnr = bufnr })
    else
      id = vim.lsp.start_client(client_config)
    end
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
    if running(client) then
      local reply = call(client, "request_sync", "caseline/builtinSource", { uri = uri }, 5000, bufnr)
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

-- The folder whose workspace a new case in `bufnr` belongs to: the buffer's
-- file's folder, else the current directory.
local function buffer_dir(bufnr)
  local file = vim.api.nvim_buf_get_name(bufnr)
  if file ~= "" and not file:find("caseline%-builtin:") then
    return vim.fn.fnamemodify(file, ":p:h")
  end
  return vim.fn.getcwd()
end

-- Runs the caseline program with `args` in `dir`: exit code, stdout, stderr
-- (jobstart, because vim.fn.system has no working directory in 0.7).
local function run(args, dir)
  local cmd = { config.cmd[1] }
  vim.list_extend(cmd, args)
  local stdout, stderr, code = {}, {}, nil
  local ok, job = pcall(vim.fn.jobstart, cmd, {
    cwd = dir,
    stdout_buffered = true,
    stderr_buffered = true,
    on_stdout = function(_, data)
      stdout = data
    end,
    on_stderr = function(_, data)
      stderr = data
    end,
    on_exit = function(_, status)
      code = status
    end,
  })
  if not ok or job <= 0 then
    return nil, "", "cannot run '" .. tostring(config.cmd[1]) .. "'"
  end
  vim.wait(10000, function()
    return code ~= nil
  end, 20)
  return code, table.concat(stdout, "\n"), table.concat(stderr, "\n")
end

--- The procedures a case in `bufnr` can name (`caseline procedures`), for completion.
function M.procedures(bufnr)
  local code, out = run({ "procedures" }, buffer_dir(bufnr or 0))
  local names = {}
  if code == 0 then
    for line in out:gmatch("[^\n]+") do
      table.insert(names, line:match("^(%S+)"))
    end
  end
  return names
end

--- Inserts a new case under `procedures` (a list of names) into `bufnr`: what
--- `caseline new --procedure NAME...` writes, with the workspace of the
--- buffer's folder. An empty buffer gets it whole; otherwise it goes in above
--- the cursor's line. On Neovim 0.10+ (`vim.snippet`) the header's
--- placeholders are tab stops. Returns true when something was inserted.
function M.new_case(procedures, bufnr)
  bufnr = bufnr or vim.api.nvim_get_current_buf()
  local args = { "new" }
  for _, p in ipairs(procedures or {}) do
    vim.list_extend(args, { "--procedure", p })
  end
  local empty = vim.api.nvim_buf_line_count(bufnr) == 1 and vim.api.nvim_buf_get_lines(bufnr, 0, 1, false)[1] == ""
  local snippet = empty and vim.snippet ~= nil and bufnr == vim.api.nvim_get_current_buf()
  if snippet then
    vim.list_extend(args, { "--format", "snippet" })
  end
  local code, out, err = run(args, buffer_dir(bufnr))
  if code ~= 0 then
    vim.notify("caseline new: " .. (err ~= "" and err or ("exit " .. tostring(code))), vim.log.levels.ERROR)
    return false
  end
  -- vim.snippet leaves a choice (`${5|england-and-wales,scotland|}`) empty
  -- until one is picked from a menu, so tabbing past it would leave
  -- `calendar ` with nothing after it: the first choice becomes the
  -- placeholder, as in the plain text, and can be typed over.
  if snippet then
    out = out:gsub("%$%{(%d+)|([^,|]*)[^|]*|%}", "${%1:%2}")
  end
  if snippet and pcall(vim.snippet.expand, out) then
    return true
  end
  if snippet then
    -- The snippet could not be expanded: insert the plain text instead.
    args[#args - 1], args[#args] = nil, nil
    code, out = run(args, buffer_dir(bufnr))
    if code ~= 0 then
      return false
    end
  end
  local lines = vim.split(out, "\n", { plain = true })
  if lines[#lines] == "" then
    table.remove(lines)
  end
  if empty then
    vim.api.nvim_buf_set_lines(bufnr, 0, -1, false, lines)
  else
    local row = vim.api.nvim_win_get_cursor(0)[1] - 1
    vim.api.nvim_buf_set_lines(bufnr, row, row, false, lines)
  end
  return true
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

--- Opens `path` (an HTML file) in the browser: `vim.ui.open` on 0.10+, else
--- xdg-open (open on macOS). Replaceable, e.g. by a test.
function M.open_in_browser(path)
  if vim.ui.open then
    local _, err = vim.ui.open(path)
    if err then
      vim.notify("caseline: could not open the browser: " .. err, vim.log.levels.ERROR)
    end
    return
  end
  local opener = vim.fn.has("mac") == 1 and "open" or "xdg-open"
  if vim.fn.executable(opener) ~= 1 then
    vim.notify("caseline: the timeline is in " .. path .. " (open it in a browser; " .. opener .. " is not installed)", vim.log.levels.WARN)
    return
  end
  vim.fn.jobstart({ opener, path }, { detach = true })
end

--- Writes the timeline page of the case in `bufnr` (as the server sees it,
--- saved or not: `caseline/timeline`, docs/lsp-extensions.md) to a temporary
--- HTML file and opens it in the browser. `done(path)`, if given, is called
--- with the file's path once it is written.
function M.timeline(bufnr, done)
  bufnr = (bufnr == nil or bufnr == 0) and vim.api.nvim_get_current_buf() or bufnr
  local client
  for _, id in pairs(clients) do
    local c = vim.lsp.get_client_by_id(id)
    if running(c) and vim.lsp.buf_is_attached(bufnr, id) then
      client = c
    end
  end
  if not client then
    vim.notify("caseline: no timeline: the caseline server is not running for this buffer", vim.log.levels.ERROR)
    return
  end
  local params = { textDocument = { uri = vim.uri_from_bufnr(bufnr) } }
  call(client, "request", "caseline/timeline", params, function(err, result)
    if err or not result or type(result.html) ~= "string" then
      vim.notify("caseline: no timeline: " .. (err and err.message or "the server sent no page"), vim.log.levels.ERROR)
      return
    end
    local path = vim.fn.tempname() .. "-timeline.html"
    local file = io.open(path, "w")
    if not file then
      vim.notify("caseline: cannot write " .. path, vim.log.levels.ERROR)
      return
    end
    file:write(result.html)
    file:close()
    M.open_in_browser(path)
    if done then
      done(path)
    end
  end, bufnr)
end

--- Sets the options and the autocommands: `.case` files get the `caseline`
--- filetype, and every `caseline` buffer gets the server. Defines
--- `:CaselineNew {procedure}...`, which inserts a new case (`M.new_case`),
--- and `:CaselineTimeline` (`M.timeline`).
function M.setup(opts)
  config = vim.tbl_deep_extend("force", vim.deepcopy(M.defaults), opts or {})
  vim.lsp.commands["caseline.copyDecisionWording"] = M.copy_decision_wording
  vim.api.nvim_create_user_command("CaselineNew", function(command)
    M.new_case(command.fargs)
  end, {
    nargs = "*",
    desc = "Insert a new case: its header to fill in and the procedure's stages to date",
    complete = function(lead)
      return vim.tbl_filter(function(name)
        return name:sub(1, #lead) == lead
      end, M.procedures(0))
    end,
  })
  vim.api.nvim_create_user_command("CaselineTimeline", function()
    M.timeline(0)
  end, { desc = "Open the case's timeline page in the browser" })
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
