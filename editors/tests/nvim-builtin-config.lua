--! Neovim 0.11+: the README's built-in configuration (vim.lsp.config and
--! vim.lsp.enable instead of the plugin's setup), run as written with `caseline`
--! on PATH and editors/nvim on the runtime path (set by the caller). Passes when
--! the case gets the caseline filetype, the server's deadline-missed on line 20
--! arrives, inlay hints are on, and the copy handler is registered.
--! Driven by nvim-headless.sh with NVIM_CONFIG=builtin. Installs nothing.

local case_file = os.getenv("CASE_FILE")
local function fail(msg)
  io.stdout:write("nvim (built-in config): FAIL: " .. msg .. "\n")
  vim.cmd("cquit 1")
end
if vim.fn.has("nvim-0.11") ~= 1 then
  io.stdout:write("nvim (built-in config): skipped: needs Neovim 0.11+\n")
  vim.cmd("qall!")
  return
end

-- The README's snippet, but for the runtimepath line (the caller sets it).
vim.lsp.config("caseline", {
  cmd = { "caseline", "lsp" },
  filetypes = { "caseline" },
  root_markers = { "caseline.toml", ".git" },
  -- init_options = { asOf = "2025-02-18" },   -- judge open deadlines as of this date
})
vim.lsp.enable("caseline")
vim.lsp.inlay_hint.enable(true)
vim.lsp.commands["caseline.copyDecisionWording"] = require("caseline").copy_decision_wording

vim.cmd("edit " .. vim.fn.fnameescape(case_file))
local buf = vim.api.nvim_get_current_buf()
if vim.bo[buf].filetype ~= "caseline" then
  return fail("filetype '" .. vim.bo[buf].filetype .. "', not caseline")
end
local arrived = vim.wait(30000, function()
  for _, d in ipairs(vim.diagnostic.get(buf)) do
    if d.code == "deadline-missed" and d.lnum == 19 then
      return true
    end
  end
  return false
end, 50)
if not arrived then
  return fail("no deadline-missed on line 20 within 30 s")
end
if not vim.lsp.inlay_hint.is_enabled({ bufnr = buf }) then
  return fail("inlay hints are off")
end
if vim.bo[buf].commentstring == "" then
  return fail("no commentstring: editors/nvim's filetype plugin did not load")
end
io.stdout:write("nvim (built-in config): OK: the README's vim.lsp.config block attaches, deadline-missed on line 20, inlay hints on, commentstring '" .. vim.bo[buf].commentstring .. "'\n")
vim.cmd("qall!")
