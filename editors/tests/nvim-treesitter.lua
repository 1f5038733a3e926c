--! Driven by nvim-treesitter.sh: loads the caseline tree-sitter parser and the
--! grammar's queries from a temporary runtime folder, the way editors/README.md
--! tells users to install them, parses fixtures/highlight.case and checks a few
--! captures and folds. Installs nothing.

local here = vim.fn.fnamemodify(debug.getinfo(1, "S").source:sub(2), ":p:h")
local failures = 0
local function fail(msg)
  failures = failures + 1
  io.stdout:write("nvim-treesitter: FAIL: " .. msg .. "\n")
end

vim.cmd("edit " .. vim.fn.fnameescape(here .. "/fixtures/highlight.case"))
local ok, parser = pcall(vim.treesitter.get_parser, 0, "caseline")
if not ok then
  fail("the parser did not load: " .. tostring(parser))
  vim.cmd("cquit 1")
  return
end
local root = parser:parse()[1]:root()
if root:has_error() then
  fail("the fixture parsed with errors: " .. root:sexpr())
end

-- get_query moved to vim.treesitter.query.get in 0.9.
local get_query = (vim.treesitter.query and vim.treesitter.query.get) or vim.treesitter.get_query
local function query(name)
  local qok, q = pcall(get_query, "caseline", name)
  if not qok or not q then
    fail("the " .. name .. " query did not load: " .. tostring(q))
    return nil
  end
  return q
end

local highlights = query("highlights")
if highlights then
  -- Every capture, keyed "row:col" (0-based) of where its node starts.
  local at = {}
  for id, node in highlights:iter_captures(root, 0, 0, -1) do
    local row, col = node:start()
    local key = row .. ":" .. col
    at[key] = at[key] or {}
    at[key][highlights.captures[id]] = true
  end
  -- { row, col, capture } from the fixture's text (constructs of docs/format.md).
  local expected = {
    { 0, 0, "comment" }, -- "# Fixture ..."
    { 1, 0, "keyword" }, -- case
    { 1, 5, "string" }, -- "24 017 518"
    { 4, 0, "string.special" }, -- the date range 2024-04..2024-05
    { 4, 17, "type" }, -- the event kind stage1.received
    { 5, 2, "markup.quote" }, -- the prose line
    { 7, 2, "keyword" }, -- agree
    { 7, 19, "number" }, -- 10wd
    { 10, 0, "string.special" }, -- ?
  }
  for _, e in ipairs(expected) do
    local key = e[1] .. ":" .. e[2]
    if not (at[key] and at[key][e[3]]) then
      local got = {}
      for name in pairs(at[key] or {}) do
        table.insert(got, name)
      end
      fail(string.format("no @%s at line %d col %d (got: %s) in: %s", e[3], e[1] + 1, e[2] + 1, table.concat(got, ", "), vim.fn.getline(e[1] + 1)))
    end
  end
  io.stdout:write(string.format("nvim-treesitter: %d passed, %d failed (highlights)\n", #expected - failures, failures))
end

local folds = query("folds")
if folds then
  local n = 0
  for _ in folds:iter_captures(root, 0, 0, -1) do
    n = n + 1
  end
  -- The header and the four entries of the fixture each fold.
  if n < 5 then
    fail("expected at least 5 fold captures, got " .. n)
  end
end

-- The README's snippet for 0.9+ (it errors on 0.7, which has no such API):
-- vim.treesitter.start() from a FileType autocommand turns highlighting on.
if vim.fn.has("nvim-0.9") == 1 then
  vim.api.nvim_create_autocmd("FileType", {
    pattern = "caseline",
    callback = function()
      vim.treesitter.start()
    end,
  })
  vim.cmd("edit " .. vim.fn.fnameescape(here .. "/fixtures/highlight.case"))
  local buf = vim.api.nvim_get_current_buf()
  if vim.bo[buf].filetype ~= "caseline" then
    fail("the fixture got filetype '" .. vim.bo[buf].filetype .. "'")
  elseif not vim.treesitter.highlighter.active[buf] then
    fail("the README's vim.treesitter.start() autocommand did not turn tree-sitter highlighting on")
  else
    io.stdout:write("nvim-treesitter: the README's vim.treesitter.start() snippet highlights the buffer\n")
  end
end

vim.cmd(failures == 0 and "qall!" or "cquit 1")
