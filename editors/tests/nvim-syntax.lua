--! Driven by ci.sh when nvim is installed: checks that editors/nvim/syntax/caseline.vim
--! gives the expected highlight group at known positions of fixtures/highlight.case
--! (the colouring Neovim 0.7 users get without tree-sitter). Needs no server.

local here = vim.fn.fnamemodify(debug.getinfo(1, "S").source:sub(2), ":p:h")
vim.cmd("syntax on")
vim.cmd("edit " .. vim.fn.fnameescape(here .. "/fixtures/highlight.case"))

-- { line, column (1-based), expected group } worked out from the fixture's text.
local expected = {
  { 1, 1, "caselineComment" },
  { 2, 1, "caselineKeyword" },
  { 2, 6, "caselineString" },
  { 3, 3, "caselineKeyword" },
  { 4, 3, "caselineKey" },
  { 4, 9, "caselineDate" },
  { 5, 1, "caselineDate" },
  { 5, 18, "caselineEvent" },
  { 5, 34, "caselineString" },
  { 6, 3, "caselineProse" },
  { 6, 35, "caselineProse" },
  { 7, 12, "caselineEvent" },
  { 8, 3, "caselineKeyword" },
  { 8, 15, "caselineKeyword" },
  { 8, 22, "caselineDuration" },
  { 9, 7, "caselineId" },
  { 9, 10, "caselineKeyword" },
  { 9, 13, "caselineDate" },
  { 9, 15, "caselineString" },
  { 10, 1, "caselineDate" },
  { 10, 16, "caselineGeneric" },
  { 10, 45, "caselineComment" },
  { 10, 47, "caselineAllow" },
  { 11, 1, "caselineDate" },
  { 11, 3, "caselineEvent" },
}

local failures = 0
if vim.bo.filetype ~= "caseline" then
  io.stdout:write("nvim-syntax: FAIL: filetype is '" .. vim.bo.filetype .. "'\n")
  failures = failures + 1
end
for _, e in ipairs(expected) do
  -- The innermost syntax item at that position (synID can report the outer one).
  local stack = vim.fn.synstack(e[1], e[2])
  local got = #stack > 0 and vim.fn.synIDattr(stack[#stack], "name") or ""
  if got ~= e[3] then
    failures = failures + 1
    io.stdout:write(string.format("nvim-syntax: FAIL: line %d col %d: expected %s, got '%s' in: %s\n", e[1], e[2], e[3], got, vim.fn.getline(e[1])))
  end
end
io.stdout:write(string.format("nvim-syntax: %d passed, %d failed\n", #expected - failures, failures))
vim.cmd(failures == 0 and "qall!" or "cquit 1")
