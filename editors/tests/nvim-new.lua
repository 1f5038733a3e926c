--! Driven by ci.sh with CASELINE_BIN set: `:CaselineNew` (editors/nvim) in an
--! empty buffer inserts exactly what `caseline new --procedure NAME` prints,
--! completes procedure names, reports a missing procedure without inserting
--! anything, and inserts above the cursor in a buffer that has text. Neovim 0.7
--! has no `vim.snippet`, so there this exercises the plain-text path; on 0.10+
--! the snippet, whose placeholders (the calendar's first choice too) must give
--! the same text, and whose final tab stop `$0` is one more, empty, line.
--! Needs no server.

local bin = os.getenv("CASELINE_BIN")
local failures = 0

local function check(what, ok, detail)
  if not ok then
    failures = failures + 1
    io.stdout:write("nvim-new: FAIL: " .. what .. (detail and (": " .. detail) or "") .. "\n")
  end
end

if not bin then
  io.stdout:write("nvim-new: FAIL: CASELINE_BIN must be set\n")
  vim.cmd("cquit 1")
  return
end

require("caseline").setup({ cmd = { bin, "lsp" } })
local dir = vim.fn.tempname()
vim.fn.mkdir(dir, "p")

-- A buffer named like a case in an empty folder, without its filetype (so no
-- server is started: this test is about the command alone).
local function fresh(lines)
  vim.cmd("enew!")
  local buf = vim.api.nvim_get_current_buf()
  vim.api.nvim_buf_set_name(buf, dir .. "/new-" .. buf .. ".case")
  if lines then
    vim.api.nvim_buf_set_lines(buf, 0, -1, false, lines)
  end
  return buf
end

local expected = vim.fn.systemlist({ bin, "new", "--procedure", "children-statutory" })
check("caseline new ran", vim.v.shell_error == 0 and #expected > 10, table.concat(expected, "\n"))

local buf = fresh()
vim.cmd("CaselineNew children-statutory")
local got = vim.api.nvim_buf_get_lines(buf, 0, -1, false)
if vim.snippet and got[#got] == "" then
  table.remove(got)
end
check("the empty buffer holds what caseline new prints", vim.deep_equal(got, expected),
  table.concat(got, "\n"))

local completions = vim.fn.getcompletion("CaselineNew chil", "cmdline")
check("procedure names complete", vim.tbl_contains(completions, "children-statutory"),
  table.concat(completions, " "))

local notified = {}
vim.notify = function(msg, level)
  table.insert(notified, { msg = msg, level = level })
end
buf = fresh()
vim.cmd("CaselineNew")
got = vim.api.nvim_buf_get_lines(buf, 0, -1, false)
check("nothing inserted without a procedure", #got == 1 and got[1] == "", table.concat(got, "\n"))
check("the missing procedure is reported", #notified == 1 and notified[1].msg:find("--procedure", 1, true) ~= nil
  and notified[1].level == vim.log.levels.ERROR, vim.inspect(notified))

buf = fresh({ "# my notes" })
vim.api.nvim_win_set_cursor(0, { 1, 0 })
vim.cmd("CaselineNew lgsco")
got = vim.api.nvim_buf_get_lines(buf, 0, -1, false)
check("inserted above the cursor's line", got[#got] == "# my notes" and vim.tbl_contains(got, "  procedure lgsco"),
  table.concat(got, "\n"))

vim.fn.delete(dir, "rf")
if failures > 0 then
  vim.cmd("cquit 1")
else
  io.stdout:write("nvim-new: ok\n")
  vim.cmd("qall!")
end
