--! Driven by nvim-headless.sh: opens a case file in headless Neovim with the
--! caseline server attached through editors/nvim, waits for its diagnostics and
--! exits 0 only if the expected finding arrived, "Copy as decision wording"
--! copies the Kent sample's stage 1 paragraph, and go to definition works.
--! Installs nothing.

local bin = os.getenv("CASELINE_BIN")
local case_file = os.getenv("CASE_FILE")
local expect_code = os.getenv("EXPECT_CODE") or "deadline-missed"
local expect_line = tonumber(os.getenv("EXPECT_LINE") or "20")
local wait_ms = tonumber(os.getenv("WAIT_MS") or "30000")

local function out(msg)
  io.stdout:write("nvim: " .. msg .. "\n")
end

local function fail(msg)
  io.stdout:write("nvim: FAIL: " .. msg .. "\n")
  vim.cmd("cquit 1")
end

if not bin or not case_file then
  fail("CASELINE_BIN and CASE_FILE must be set")
  return
end

-- Errors from the LSP client should fail the test, not just be logged.
vim.lsp.set_log_level("warn")

-- AS_OF exercises the as_of option end to end (initializationOptions.asOf).
require("caseline").setup({ cmd = { bin, "lsp" }, as_of = os.getenv("AS_OF") })
vim.cmd("edit " .. vim.fn.fnameescape(case_file))
local buf = vim.api.nvim_get_current_buf()

if vim.bo[buf].filetype ~= "caseline" then
  fail("the .case file got filetype '" .. vim.bo[buf].filetype .. "', not 'caseline'")
  return
end

local attached = vim.wait(10000, function()
  return next(vim.lsp.buf_get_clients(buf)) ~= nil
end, 50)
if not attached then
  fail("the caseline server did not finish starting (no answer to initialize) within 10 s")
  return
end

local function found()
  for _, d in ipairs(vim.diagnostic.get(buf)) do
    if d.code == expect_code and d.lnum + 1 == expect_line then
      return true
    end
  end
  return false
end

local start = vim.loop.hrtime()
local arrived = vim.wait(wait_ms, found, 50)
local elapsed_ms = math.floor((vim.loop.hrtime() - start) / 1e6)

local diags = vim.diagnostic.get(buf)
table.sort(diags, function(a, b)
  return a.lnum < b.lnum
end)
out(string.format("%d diagnostic(s) for %s after %d ms:", #diags, vim.fn.fnamemodify(case_file, ":t"), elapsed_ms))
for _, d in ipairs(diags) do
  out(string.format("  line %d: [%s] %s", d.lnum + 1, tostring(d.code), (d.message:gsub("\n", " "))))
end

if not arrived then
  local client = vim.lsp.get_client_by_id(next(vim.lsp.buf_get_clients(buf)) or -1)
  local state = client and (client.is_stopped() and "stopped" or "running") or "gone"
  fail(string.format("no %s diagnostic on line %d within %d ms (server %s; log: %s)", expect_code, expect_line, wait_ms, state, vim.lsp.get_log_path()))
  return
end

out(string.format("OK: %s on line %d arrived from the server", expect_code, expect_line))

-- What the plugin sets up on attach: <C-x><C-o> completion and the key maps.
if vim.bo[buf].omnifunc ~= "v:lua.vim.lsp.omnifunc" then
  fail("omnifunc is '" .. vim.bo[buf].omnifunc .. "', not the LSP's")
  return
end
local maps = {}
for _, m in ipairs(vim.api.nvim_buf_get_keymap(buf, "n")) do
  maps[m.lhs] = m.desc or ""
end
for _, lhs in ipairs({ "K", "gd", "gr" }) do
  if not (maps[lhs] or ""):find("^caseline:") then
    fail("no caseline key map for " .. lhs .. " in the case buffer")
    return
  end
end
out("OK: omnifunc and the key maps K, gd, gr (and rename, code action, format) are set")

-- "Copy as decision wording" on the stage 1 response (line 16 of the Kent
-- sample): the server's code action runs editors/nvim's handler for its
-- client command, which puts the paragraph in the unnamed register.
if vim.fn.fnamemodify(case_file, ":t") == "kent-24-003-873.case" then
  local params = {
    textDocument = vim.lsp.util.make_text_document_params(buf),
    range = { start = { line = 15, character = 0 }, ["end"] = { line = 15, character = 0 } },
    context = { diagnostics = {} },
  }
  local replies = vim.lsp.buf_request_sync(buf, "textDocument/codeAction", params, 10000) or {}
  local command
  for _, reply in pairs(replies) do
    for _, action in ipairs(reply.result or {}) do
      if action.command and action.command.command == "caseline.copyDecisionWording" then
        command = action.command
      end
    end
  end
  if not command then
    fail("no Copy as decision wording action on line 16")
    return
  end
  local handler = vim.lsp.commands[command.command]
  if not handler then
    fail("editors/nvim registers no handler for " .. command.command)
    return
  end
  vim.fn.setreg('"', "")
  handler(command, {})
  local copied = vim.fn.getreg('"')
  for _, figure in ipairs({ "24 August 2023", "42 working days", "reg. 14", "22 working days late" }) do
    if not copied:find(figure, 1, true) then
      fail("the copied decision wording lacks '" .. figure .. "': " .. copied)
      return
    end
  end
  out("OK: Copy as decision wording put the stage 1 paragraph in the unnamed register")
end

-- Go to definition on the event kind of that line: a built-in procedure, shown
-- read-only from the server's text (it used to open an empty buffer and fail).
local line = vim.api.nvim_buf_get_lines(buf, expect_line - 1, expect_line, false)[1] or ""
local kind_col = line:find("%s[%a%d]+%.[%a%d%-]+")
if kind_col then
  vim.api.nvim_win_set_cursor(0, { expect_line, kind_col })
  vim.lsp.buf.definition()
  local jumped = vim.wait(10000, function()
    return vim.api.nvim_buf_get_name(0):find("caseline%-builtin:") ~= nil
      and vim.api.nvim_buf_line_count(0) > 1
  end, 50)
  if not jumped then
    fail("go to definition did not open the built-in procedure (now in '" .. vim.api.nvim_buf_get_name(0) .. "')")
    return
  end
  local first = vim.api.nvim_buf_get_lines(0, 0, 1, false)[1] or ""
  out(string.format("OK: go to definition opened %s (%d lines, read-only: %s), first line: %s",
    vim.api.nvim_buf_get_name(0), vim.api.nvim_buf_line_count(0), tostring(vim.bo.readonly), first))
end
vim.cmd("qall!")
