-- Driven by TestNeovimWithoutPlugin (nvim_test.go) after the documented
-- plugin-less init.lua ran and the offer file was opened: waits until a
-- client attaches to the buffer and diagnostics arrive, writes what it saw
-- as JSON to $OFFER_TEST_OUT and quits. Every wait is bounded.
local results = {}
local ok, err = xpcall(function()
  local buf = vim.api.nvim_get_current_buf()
  results.filetype = vim.bo[buf].filetype
  local function client()
    local clients = vim.lsp.get_clients and vim.lsp.get_clients({ bufnr = buf }) or vim.lsp.buf_get_clients(buf)
    for _, c in pairs(clients) do
      return c
    end
  end
  vim.wait(15000, function()
    local c = client()
    return c ~= nil and c.initialized and #vim.diagnostic.get(buf) > 0
  end, 20)
  local c = client()
  results.client = c and c.name or ""
  results.root_dir = c and c.config.root_dir or ""
  results.diagnostic_codes = {}
  for _, d in ipairs(vim.diagnostic.get(buf)) do
    table.insert(results.diagnostic_codes, tostring(d.code))
  end
end, debug.traceback)
if not ok then
  results.error = tostring(err)
end
vim.fn.writefile({ vim.fn.json_encode(results) }, vim.env.OFFER_TEST_OUT)
vim.cmd("qa!")
