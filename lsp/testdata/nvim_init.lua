-- A minimal Neovim 0.7 configuration for TestNeovim: start `offer lsp`,
-- open an offer file, collect diagnostics, code lenses, a hover and the
-- code-action titles, resolve and apply "Insert counter-proposal", write
-- them as JSON to $OFFER_OUT and quit.
local out = {}
local function finish()
  local f = io.open(vim.env.OFFER_OUT, "w")
  f:write(vim.fn.json_encode(out))
  f:close()
  vim.cmd("qa!")
end

local ok, err = pcall(function()
  vim.cmd("edit " .. vim.fn.fnameescape(vim.env.OFFER_FILE))
  local bufnr = vim.api.nvim_get_current_buf()
  local id = vim.lsp.start_client({
    name = "offer",
    cmd = { vim.env.OFFER_BIN, "lsp", "--stdio" },
    root_dir = vim.env.OFFER_ROOT,
  })
  if not id then
    error("start_client failed")
  end
  vim.lsp.buf_attach_client(bufnr, id)
  local client = vim.lsp.get_client_by_id(id)

  vim.wait(20000, function() return #vim.diagnostic.get(bufnr) > 0 end, 50)
  out.diagnostics = {}
  for _, d in ipairs(vim.diagnostic.get(bufnr)) do
    local lsp = d.user_data and d.user_data.lsp or {}
    table.insert(out.diagnostics, {
      code = d.code or lsp.code, severity = d.severity, lnum = d.lnum, col = d.col, message = d.message,
    })
  end

  local uri = vim.uri_from_bufnr(bufnr)
  local lens = client.request_sync("textDocument/codeLens", { textDocument = { uri = uri } }, 20000, bufnr)
  out.lenses = {}
  for _, l in ipairs((lens and lens.result) or {}) do
    table.insert(out.lenses, l.command and l.command.title or "")
  end

  local pos = { line = 1, character = 8 } -- on the label of offer "amazon_l6"
  local hover = client.request_sync("textDocument/hover",
    { textDocument = { uri = uri }, position = pos }, 20000, bufnr)
  out.hover = hover and hover.result and hover.result.contents and hover.result.contents.value or ""

  local actions = client.request_sync("textDocument/codeAction", {
    textDocument = { uri = uri }, range = { start = pos, ["end"] = pos },
    context = { diagnostics = {} },
  }, 20000, bufnr)
  out.actions = {}
  for _, a in ipairs((actions and actions.result) or {}) do
    table.insert(out.actions, a.title)
    -- Neovim can resolve a code action's edit, so the counter-proposal
    -- comes without it; resolve it as Neovim does when it is picked, and
    -- apply it.
    if a.kind == "refactor.insertCounter" then
      out.counter_listed_with_edit = a.edit ~= nil
      local r = client.request_sync("codeAction/resolve", a, 20000, bufnr)
      local edit = r and r.result and r.result.edit
      if edit then
        vim.lsp.util.apply_workspace_edit(edit, client.offset_encoding)
        out.counter_inserted = table.concat(vim.api.nvim_buf_get_lines(bufnr, 0, -1, false), "\n")
      end
    end
  end
end)
if not ok then
  out.error = tostring(err)
end
finish()
