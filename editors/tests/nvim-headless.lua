--! Driven by nvim-headless.sh: opens a case file in headless Neovim with the
--! caseline server attached through editors/nvim, waits for its diagnostics and
--! exits 0 only if the expected finding arrived, "Copy as decision wording"
--! copies the Kent sample's stage 1 paragraph, K shows the hover, omnifunc
--! completes event kinds, :CaselineTimeline writes the timeline page (the
--! browser stubbed), folds come from the server (0.11+), and go to definition
--! opens the built-in procedure. Runs on Neovim 0.7 to 0.11+: newer APIs are
--! feature-detected. Installs nothing.

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
if vim.lsp.log and vim.lsp.log.set_level then
  vim.lsp.log.set_level("warn")
else
  vim.lsp.set_log_level("warn")
end
local uv = vim.uv or vim.loop
-- vim.lsp.buf_get_clients is deprecated from 0.10 (get_clients).
local function buf_clients(b)
  if vim.lsp.get_clients then
    return vim.lsp.get_clients({ bufnr = b })
  end
  return vim.tbl_values(vim.lsp.buf_get_clients(b))
end
-- Deprecation warnings (0.11 prints them for deprecated APIs) fail the test.
local deprecated = {}
local notify = vim.notify
vim.notify = function(msg, level, opts)
  if type(msg) == "string" and msg:find("deprecated") then
    table.insert(deprecated, msg)
  end
  return notify(msg, level, opts)
end
if vim.deprecate then
  local orig = vim.deprecate
  vim.deprecate = function(name, ...)
    table.insert(deprecated, tostring(name))
    return orig(name, ...)
  end
end

-- AS_OF exercises the as_of option end to end (initializationOptions.asOf).
require("caseline").setup({ cmd = { bin, "lsp" }, as_of = os.getenv("AS_OF") })
vim.cmd("edit " .. vim.fn.fnameescape(case_file))
local buf = vim.api.nvim_get_current_buf()

if vim.bo[buf].filetype ~= "caseline" then
  fail("the .case file got filetype '" .. vim.bo[buf].filetype .. "', not 'caseline'")
  return
end

local attached = vim.wait(10000, function()
  return buf_clients(buf)[1] ~= nil
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

local start = uv.hrtime()
local arrived = vim.wait(wait_ms, found, 50)
local elapsed_ms = math.floor((uv.hrtime() - start) / 1e6)

local diags = vim.diagnostic.get(buf)
table.sort(diags, function(a, b)
  return a.lnum < b.lnum
end)
out(string.format("%d diagnostic(s) for %s after %d ms:", #diags, vim.fn.fnamemodify(case_file, ":t"), elapsed_ms))
for _, d in ipairs(diags) do
  out(string.format("  line %d: [%s] %s", d.lnum + 1, tostring(d.code), (d.message:gsub("\n", " "))))
end

if not arrived then
  local client = buf_clients(buf)[1]
  local state = client and "attached" or "gone"
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
if vim.lsp.inlay_hint and vim.lsp.inlay_hint.is_enabled then
  if not vim.lsp.inlay_hint.is_enabled({ bufnr = buf }) then
    fail("inlay hints are off in the case buffer")
    return
  end
  out("OK: inlay hints are on")
end

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

local line = vim.api.nvim_buf_get_lines(buf, expect_line - 1, expect_line, false)[1] or ""
local kind_col = line:find("%s[%a%d]+%.[%a%d%-]+")

-- K (the plugin's map, not `man`) shows the server's hover in a float.
local function floats()
  local found_text = {}
  for _, win in ipairs(vim.api.nvim_list_wins()) do
    if vim.api.nvim_win_get_config(win).relative ~= "" then
      local b = vim.api.nvim_win_get_buf(win)
      table.insert(found_text, table.concat(vim.api.nvim_buf_get_lines(b, 0, -1, false), "\n"))
    end
  end
  return found_text
end
if kind_col then
  vim.api.nvim_win_set_cursor(0, { expect_line, kind_col })
  vim.cmd("normal K")
  local hover
  vim.wait(10000, function()
    hover = floats()[1]
    return hover ~= nil and hover ~= ""
  end, 50)
  if not hover or hover == "" then
    fail("K showed no hover on line " .. expect_line)
    return
  end
  out("OK: K showed the hover: " .. (hover:gsub("\n", " ")):sub(1, 100))
  for _, win in ipairs(vim.api.nvim_list_wins()) do
    if vim.api.nvim_win_get_config(win).relative ~= "" then
      vim.api.nvim_win_close(win, true)
    end
  end
end

-- Folds from the server's folding ranges where Neovim has vim.lsp.foldexpr (0.11+).
if vim.lsp.foldexpr then
  if vim.wo.foldexpr ~= "v:lua.vim.lsp.foldexpr()" then
    fail("foldexpr is '" .. vim.wo.foldexpr .. "', not vim.lsp.foldexpr()")
    return
  end
  local folded = vim.wait(10000, function()
    for l = 1, vim.api.nvim_buf_line_count(buf) do
      if vim.fn.foldlevel(l) > 0 then
        return true
      end
    end
    return false
  end, 50)
  if not folded then
    fail("no folds from the server's folding ranges")
    return
  end
  out("OK: folds come from the server (vim.lsp.foldexpr); closed: " .. tostring(vim.fn.foldclosed(6) ~= -1))
else
  out("skipped folds: this Neovim has no vim.lsp.foldexpr (0.11+)")
end

-- :CaselineTimeline writes the page and opens it; the browser is stubbed.
local caseline = require("caseline")
local opened
caseline.open_in_browser = function(path)
  opened = path
end
vim.cmd("CaselineTimeline")
if not vim.wait(15000, function()
  return opened ~= nil
end, 50) then
  fail(":CaselineTimeline opened nothing within 15 s")
  return
end
local page = table.concat(vim.fn.readfile(opened), "\n")
local reference = vim.fn.fnamemodify(case_file, ":t") == "kent-24-003-873.case" and "24 003 873" or "<html"
if not page:find(reference, 1, true) or not page:lower():find("<!doctype html", 1, true) then
  fail(":CaselineTimeline wrote " .. opened .. " without '" .. reference .. "' (" .. #page .. " bytes)")
  return
end
out(string.format("OK: :CaselineTimeline wrote %s (%d bytes, with '%s') and opened it", opened, #page, reference))

-- <C-x><C-o>: the LSP omnifunc completes event kinds after a date. complete()
-- works only in Insert mode, so it is stubbed to catch the items, and mode()
-- (0.7) and nvim_get_mode() (0.11) say Insert: both drop the answer outside it.
vim.api.nvim_buf_set_lines(buf, -1, -1, false, { "2025-03-01 stage" })
local last = vim.api.nvim_buf_line_count(buf)
vim.api.nvim_win_set_cursor(0, { last, #"2025-03-01 stage" })
-- The edit reaches the server after Neovim's debounce (150 ms on 0.7); until
-- then the server answers for the old text, so ask again for a while.
local items, startcol
vim.fn.complete = function(_, list)
  items = list
end
vim.fn.mode = function()
  return "i"
end
local get_mode = vim.api.nvim_get_mode
vim.api.nvim_get_mode = function()
  return { mode = "i", blocking = false }
end
local omnifunc = vim.lsp.omnifunc
for _ = 1, 10 do
  items = nil
  startcol = omnifunc(1, "")
  if startcol ~= -2 then
    omnifunc(0, "stage")
  end
  vim.wait(2000, function()
    return items ~= nil
  end, 20)
  if items and #items > 0 then
    break
  end
  vim.wait(200)
end
vim.fn.complete = nil
vim.fn.mode = nil
vim.api.nvim_get_mode = get_mode
local words = {}
for _, item in ipairs(items or {}) do
  table.insert(words, type(item) == "table" and (item.word or item.abbr) or tostring(item))
end
local has_kind = false
for _, w in ipairs(words) do
  if w:find("stage1.received", 1, true) or w:find("stage2.requested", 1, true) then
    has_kind = true
  end
end
if not has_kind then
  fail("omnifunc offered no event kind after a date (start " .. tostring(startcol) .. "): " .. table.concat(words, ", "))
  return
end
out(string.format("OK: omnifunc completed %d items after '2025-03-01 stage', e.g. %s", #words, words[1]))
vim.api.nvim_buf_set_lines(buf, last - 1, last, false, {})

-- Go to definition on the header's `children-statutory` (the procedure's name):
-- the built-in procedure's text, read-only, then back to the case.
do
  local lines = vim.api.nvim_buf_get_lines(buf, 0, -1, false)
  local row, col
  for i, l in ipairs(lines) do
    local c = l:find("children%-statutory")
    if l:match("^%s+procedure ") and c then
      row, col = i, c
      break
    end
  end
  if not row then
    fail("the case has no header line naming children-statutory")
    return
  end
  vim.api.nvim_win_set_cursor(0, { row, col + 2 })
  vim.lsp.buf.definition()
  local opened = vim.wait(10000, function()
    return vim.api.nvim_buf_get_name(0):find("caseline%-builtin:.*children%-statutory") ~= nil
      and vim.api.nvim_buf_line_count(0) > 1
  end, 50)
  if not opened then
    fail("go to definition on children-statutory did not open its built-in text (now in '"
      .. vim.api.nvim_buf_get_name(0) .. "')")
    return
  end
  local text = table.concat(vim.api.nvim_buf_get_lines(0, 0, -1, false), "\n")
  if not text:find("procedure children%-statutory") then
    fail("the built-in buffer does not hold the procedure's text")
    return
  end
  out(string.format("OK: go to definition on children-statutory opened %s (read-only: %s)",
    vim.api.nvim_buf_get_name(0), tostring(vim.bo.readonly)))
  vim.api.nvim_set_current_buf(buf)
end

-- Go to definition on the event kind of that line: a built-in procedure, shown
-- read-only from the server's text (it used to open an empty buffer and fail).
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
if #deprecated > 0 then
  fail("deprecated APIs used: " .. table.concat(deprecated, "; "))
  return
end
vim.cmd("qall!")
