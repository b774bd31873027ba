-- Driven by TestNeovimWithoutPlugin (nvim_test.go) after the documented
-- plugin-less init.lua ran and the example offer was opened: waits until a
-- client attaches to the buffer and diagnostics arrive, asks the server for
-- the code lenses, a hover and the code actions on the offer's label,
-- resolves and applies "Insert counter-proposal" as Neovim does when it is
-- picked, writes what it saw as JSON to $OFFER_TEST_OUT and quits. Every
-- wait is bounded.
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
  vim.wait(20000, function()
    local c = client()
    return c ~= nil and c.initialized and #vim.diagnostic.get(buf) > 0
  end, 20)
  local c = client()
  results.client = c and c.name or ""
  results.root_dir = c and c.config.root_dir or ""
  results.diagnostics = {}
  for _, d in ipairs(vim.diagnostic.get(buf)) do
    local lsp = d.user_data and d.user_data.lsp or {}
    table.insert(results.diagnostics, {
      code = tostring(d.code or lsp.code), severity = d.severity, lnum = d.lnum, col = d.col, message = d.message,
    })
  end
  if not c then
    return
  end

  local uri = vim.uri_from_bufnr(buf)
  local lens = c.request_sync("textDocument/codeLens", { textDocument = { uri = uri } }, 20000, buf)
  results.lenses = {}
  for _, l in ipairs((lens and lens.result) or {}) do
    table.insert(results.lenses, l.command and l.command.title or "")
  end

  local pos = { line = 1, character = 8 } -- on the label of offer "amazon_l6"
  local hover = c.request_sync("textDocument/hover", { textDocument = { uri = uri }, position = pos }, 20000, buf)
  results.hover = hover and hover.result and hover.result.contents and hover.result.contents.value or ""

  local actions = c.request_sync("textDocument/codeAction", {
    textDocument = { uri = uri }, range = { start = pos, ["end"] = pos },
    context = { diagnostics = {} },
  }, 20000, buf)
  results.actions = {}
  for _, a in ipairs((actions and actions.result) or {}) do
    table.insert(results.actions, a.title)
    -- Neovim can resolve a code action's edit, so the counter-proposal
    -- comes without it; resolve it as Neovim does when it is picked, and
    -- apply it.
    if a.kind == "refactor.insertCounter" then
      results.counter_listed_with_edit = a.edit ~= nil
      local r = c.request_sync("codeAction/resolve", a, 20000, buf)
      local edit = r and r.result and r.result.edit
      if edit then
        vim.lsp.util.apply_workspace_edit(edit, c.offset_encoding)
        results.counter_inserted = table.concat(vim.api.nvim_buf_get_lines(buf, 0, -1, false), "\n")
      end
    end
  end
end, debug.traceback)
if not ok then
  results.error = tostring(err)
end
vim.fn.writefile({ vim.fn.json_encode(results) }, vim.env.OFFER_TEST_OUT)
vim.cmd("qa!")
