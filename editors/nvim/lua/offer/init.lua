-- offerkit for Neovim: starts `offer lsp` for offer buffers, keeps code lens
-- fresh, and adds :OfferReport and :OfferEmail. Works on Neovim 0.7 and later.
--
--   require("offer").setup({ cmd = { "offer", "lsp" } })

local M = {}

local defaults = {
  -- The command that starts the language server.
  cmd = { "offer", "lsp" },
  -- The offer binary for :OfferReport and :OfferEmail; nil means cmd[1].
  offer = nil,
  -- Files or directories that mark a workspace root; without one the file's
  -- own directory is the workspace.
  root_markers = { ".git" },
  -- A function(bufnr) returning the root directory, to replace the search.
  root_dir = nil,
  -- Show code lens as lines above the blocks, refreshed on BufEnter,
  -- BufWritePost and InsertLeave.
  codelens = true,
  -- Buffer-local keymaps on attach: K, gd, gr, <leader>rn, <leader>ca, <leader>f.
  keymaps = true,
  -- Called as on_attach(client, bufnr) after the default setup.
  on_attach = nil,
  capabilities = nil,
  init_options = nil,
  settings = nil,
}

M.config = vim.deepcopy(defaults)

M.email_kinds = { "round1", "followup", "accept" }

local client_by_root = {} -- Neovim 0.7: root directory -> client id
local warned_missing = false

local function notify(msg, level)
  vim.notify("offer: " .. msg, level or vim.log.levels.INFO)
end

local function offer_program()
  return M.config.offer or M.config.cmd[1]
end

--- Returns the workspace root for a buffer.
function M.root_dir(bufnr)
  if M.config.root_dir then
    return M.config.root_dir(bufnr)
  end
  local dir = vim.fn.fnamemodify(vim.api.nvim_buf_get_name(bufnr), ":p:h")
  for _, marker in ipairs(M.config.root_markers or {}) do
    local found = vim.fn.finddir(marker, dir .. ";")
    if found == "" then
      found = vim.fn.findfile(marker, dir .. ";")
    end
    if found ~= "" then
      return vim.fn.fnamemodify(found, ":p:h:h")
    end
  end
  return dir
end

local function is_offer_client(client)
  return client ~= nil and client.name == "offer"
end

-- vim.lsp.get_clients replaced buf_get_clients in Neovim 0.10.
local function buf_clients(bufnr)
  if vim.lsp.get_clients then
    return vim.lsp.get_clients({ bufnr = bufnr })
  end
  return vim.lsp.buf_get_clients(bufnr)
end

-- The namespace of the lines the plugin draws the code lenses on.
M.lens_namespace = vim.api.nvim_create_namespace("offer_codelens")

--- Draws a buffer's code lenses as virtual lines above the lines they
--- belong to, indented like them, as VS Code does. Neovim's own display
--- (vim.lsp.codelens.display) puts them at the end of the line, after any
--- diagnostic there: behind a long diagnostic on an offer's header line the
--- totals were drawn past the edge of the window. A lens on the first line
--- goes below it, since Neovim 0.7 cannot show a line above the first.
function M.show_lenses(bufnr, lenses)
  vim.api.nvim_buf_clear_namespace(bufnr, M.lens_namespace, 0, -1)
  local by_line, order = {}, {}
  for _, lens in ipairs(lenses or {}) do
    local title = lens.command and lens.command.title
    if title and title ~= "" then
      local line = lens.range.start.line
      if not by_line[line] then
        by_line[line] = {}
        table.insert(order, line)
      end
      table.insert(by_line[line], title)
    end
  end
  local count = vim.api.nvim_buf_line_count(bufnr)
  for _, line in ipairs(order) do
    if line < count then
      local text = vim.api.nvim_buf_get_lines(bufnr, line, line + 1, false)[1] or ""
      local indent = text:match("^%s*")
      vim.api.nvim_buf_set_extmark(bufnr, M.lens_namespace, line, 0, {
        virt_lines = { { { indent .. table.concat(by_line[line], " | "), "LspCodeLens" } } },
        virt_lines_above = line > 0,
      })
    end
  end
end

--- Asks the server for code lens when the current buffer has an offer
--- client, keeps them where vim.lsp.codelens.get and .run() find them, and
--- draws them (M.show_lenses).
function M.refresh_codelens()
  local bufnr = vim.api.nvim_get_current_buf()
  for _, client in pairs(buf_clients(bufnr)) do
    local caps = client.server_capabilities or client.resolved_capabilities or {}
    if is_offer_client(client) and (caps.codeLensProvider or caps.code_lens) then
      local params = { textDocument = { uri = vim.uri_from_bufnr(bufnr) } }
      client.request("textDocument/codeLens", params, function(err, result)
        if err or not vim.api.nvim_buf_is_valid(bufnr) then
          return
        end
        if vim.lsp.codelens.save then -- so that vim.lsp.codelens.get() and run() find them
          vim.lsp.codelens.save(result, bufnr, client.id)
        end
        M.show_lenses(bufnr, result)
      end, bufnr)
      return
    end
  end
end

-- Buffer-local LSP settings and keymaps (Neovim 0.7 has no default LSP
-- mappings): <C-x><C-o> completes, <C-]> follows offer references, gq
-- formats, and K, gd, gr, <leader>rn, <leader>ca and <leader>f act.
local function set_buffer_options(bufnr)
  vim.bo[bufnr].omnifunc = "v:lua.vim.lsp.omnifunc"
  vim.bo[bufnr].tagfunc = "v:lua.vim.lsp.tagfunc"
  vim.bo[bufnr].formatexpr = "v:lua.vim.lsp.formatexpr()"
  if not M.config.keymaps then
    return
  end
  local function map(lhs, rhs, desc)
    vim.keymap.set("n", lhs, rhs, { buffer = bufnr, silent = true, desc = desc })
  end
  map("K", vim.lsp.buf.hover, "offer: hover")
  map("gd", vim.lsp.buf.definition, "offer: go to the offer")
  map("gr", vim.lsp.buf.references, "offer: references")
  map("<leader>rn", vim.lsp.buf.rename, "offer: rename")
  map("<leader>ca", vim.lsp.buf.code_action, "offer: code actions")
  map("<leader>f", function()
    if vim.lsp.buf.format then
      vim.lsp.buf.format({ bufnr = bufnr })
    else
      vim.lsp.buf.formatting() -- Neovim 0.7
    end
  end, "offer: format")
end

local function on_attach(client, bufnr)
  set_buffer_options(bufnr)
  if M.config.codelens then
    local group = vim.api.nvim_create_augroup("offer_codelens_" .. bufnr, { clear = true })
    vim.api.nvim_create_autocmd({ "BufEnter", "BufWritePost", "InsertLeave" }, {
      group = group,
      buffer = bufnr,
      callback = M.refresh_codelens,
    })
    if bufnr == vim.api.nvim_get_current_buf() then
      M.refresh_codelens()
    end
  end
  if M.config.on_attach then
    M.config.on_attach(client, bufnr)
  end
end

local function client_config(root)
  return {
    name = "offer",
    cmd = M.config.cmd,
    root_dir = root,
    capabilities = M.config.capabilities or vim.lsp.protocol.make_client_capabilities(),
    -- compareView: the plugin shows offer.compare's table itself (M.compare).
    init_options = vim.tbl_extend("force", { compareView = true }, M.config.init_options or {}),
    settings = M.config.settings,
    on_attach = on_attach,
  }
end

--- Starts the server for a buffer (or reuses the one for its root) and
--- attaches it. Returns the client id, or nil when the server cannot start.
function M.attach(bufnr)
  bufnr = (bufnr == nil or bufnr == 0) and vim.api.nvim_get_current_buf() or bufnr
  if vim.api.nvim_buf_get_name(bufnr) == "" then
    return nil
  end
  if vim.fn.executable(M.config.cmd[1]) ~= 1 then
    if not warned_missing then
      warned_missing = true
      notify(
        string.format(
          "cannot start the language server: %q is not an executable on PATH. "
            .. "Install a release archive (docs/install.md) or run "
            .. "`go install github.com/offerkit/offerkit/cmd/offer@latest`, "
            .. "or pass cmd = { '/path/to/offer', 'lsp' } to setup().",
          M.config.cmd[1]
        ),
        vim.log.levels.ERROR
      )
    end
    return nil
  end
  local root = M.root_dir(bufnr)
  if vim.lsp.start then -- Neovim 0.8+: reuses a client with the same name and root.
    return vim.lsp.start(client_config(root), { bufnr = bufnr })
  end
  local id = client_by_root[root]
  local client = id and vim.lsp.get_client_by_id(id)
  if client == nil or client.is_stopped() then
    id = vim.lsp.start_client(client_config(root))
    client_by_root[root] = id
  end
  if id then
    vim.lsp.buf_attach_client(bufnr, id)
  end
  return id
end

--- Returns the name of the counter block around line lnum (1-based) of the
--- given lines, or nil outside every counter. Only block headers and braces
--- are read, which is enough for `offer email --counter`.
function M.enclosing_counter(lines, lnum)
  local depth, current, heredoc = 0, nil, nil
  for i = 1, math.min(lnum, #lines) do
    local line = lines[i]
    if heredoc then
      if vim.trim(line) == heredoc then
        heredoc = nil
      end
    else
      if depth == 0 then
        current = line:match('^%s*counter%s+"([^"]*)"%s*{')
      end
      local code = line:gsub('"[^"]*"', '""'):gsub("#.*$", ""):gsub("//.*$", "")
      for ch in code:gmatch("[{}]") do
        depth = ch == "{" and depth + 1 or math.max(0, depth - 1)
      end
      heredoc = code:match("<<%-?%s*([%a_][%w_]*)%s*$")
      if depth == 0 and i < lnum then
        current = nil
      end
    end
  end
  return current
end

-- Shows text in a scratch buffer in a split, reusing the window of an earlier one.
local function show_scratch(name, text)
  local bufnr = vim.fn.bufnr(name)
  if bufnr == -1 or not vim.api.nvim_buf_is_valid(bufnr) then
    vim.cmd("botright new")
    bufnr = vim.api.nvim_get_current_buf()
    vim.api.nvim_buf_set_name(bufnr, name)
    vim.bo[bufnr].buftype = "nofile"
    vim.bo[bufnr].bufhidden = "wipe"
    vim.bo[bufnr].swapfile = false
  else
    local win = vim.fn.bufwinid(bufnr)
    if win ~= -1 then
      vim.api.nvim_set_current_win(win)
    else
      vim.cmd("botright sbuffer " .. bufnr)
    end
  end
  vim.bo[bufnr].modifiable = true
  local lines = vim.split(text, "\n", { plain = true })
  if lines[#lines] == "" then
    table.remove(lines)
  end
  vim.api.nvim_buf_set_lines(bufnr, 0, -1, false, lines)
  vim.bo[bufnr].modifiable = false
  vim.bo[bufnr].modified = false
  return bufnr
end

-- Runs the offer CLI and shows its output; the file is saved first so the CLI
-- reads what is on screen.
local function run_cli(args, name)
  local prog = offer_program()
  if vim.fn.executable(prog) ~= 1 then
    notify(string.format("%q is not an executable on PATH", prog), vim.log.levels.ERROR)
    return nil
  end
  local out = vim.fn.system(vim.list_extend({ prog }, args))
  if vim.v.shell_error ~= 0 and vim.trim(out) == "" then
    notify(string.format("%s %s exited with status %d", prog, args[1], vim.v.shell_error), vim.log.levels.ERROR)
    return nil
  end
  return show_scratch(name, out)
end

local function current_file()
  local bufnr = vim.api.nvim_get_current_buf()
  local file = vim.api.nvim_buf_get_name(bufnr)
  if file == "" then
    notify("save the buffer to a file first", vim.log.levels.WARN)
    return nil
  end
  if vim.bo[bufnr].modified then
    vim.cmd("silent update")
  end
  return vim.fn.fnamemodify(file, ":p")
end

--- :OfferReport: `offer report FILE` into a scratch buffer.
function M.report()
  local file = current_file()
  if file then
    return run_cli({ "report", file }, "offer://report")
  end
end

--- :OfferEmail KIND: `offer email KIND [--counter NAME] FILE` into a scratch
--- buffer, NAME being the counter under the cursor.
function M.email(kind)
  if not vim.tbl_contains(M.email_kinds, kind) then
    notify("usage: :OfferEmail " .. table.concat(M.email_kinds, "|"), vim.log.levels.ERROR)
    return nil
  end
  local lines = vim.api.nvim_buf_get_lines(0, 0, -1, false)
  local counter = M.enclosing_counter(lines, vim.api.nvim_win_get_cursor(0)[1])
  local file = current_file()
  if not file then
    return nil
  end
  local args = { "email", kind }
  if counter then
    vim.list_extend(args, { "--counter", counter })
  end
  table.insert(args, file)
  return run_cli(args, "offer://email/" .. kind)
end

-- Removes Markdown's backslash escapes from text.
local function unescape(text)
  return (text:gsub("\\([%p])", "%1"))
end

-- Splits a Markdown table row into its cells (a "|" escaped as "\|" stays
-- in its cell).
local function table_cells(line)
  local cells, cur, i = {}, "", 2 -- past the leading "|"
  while i <= #line do
    local ch = line:sub(i, i)
    if ch == "\\" and i < #line then
      cur = cur .. line:sub(i, i + 1)
      i = i + 2
    else
      if ch == "|" then
        table.insert(cells, vim.trim(cur))
        cur = ""
      else
        cur = cur .. ch
      end
      i = i + 1
    end
  end
  return cells
end

--- Turns the Markdown offer.compare returns into plain text for a buffer:
--- headings lose their marks, escapes go, and each table is laid out in
--- aligned columns (right-aligned where the Markdown says so).
function M.markdown_to_text(md)
  local out, rows = {}, nil
  local function flush()
    if not rows then
      return
    end
    local widths, right = {}, rows.right or {}
    for _, r in ipairs(rows) do
      for j, c in ipairs(r) do
        widths[j] = math.max(widths[j] or 0, vim.fn.strdisplaywidth(c))
      end
    end
    for k, r in ipairs(rows) do
      local parts = {}
      for j = 1, #widths do
        local c = r[j] or ""
        local pad = string.rep(" ", widths[j] - vim.fn.strdisplaywidth(c))
        table.insert(parts, right[j] and pad .. c or c .. pad)
      end
      table.insert(out, (table.concat(parts, "  "):gsub("%s+$", "")))
      if k == 1 then
        local rule = {}
        for j = 1, #widths do
          table.insert(rule, string.rep("-", widths[j]))
        end
        table.insert(out, table.concat(rule, "  "))
      end
    end
    rows = nil
  end
  for _, line in ipairs(vim.split(md, "\n", { plain = true })) do
    if line:match("^|") then
      local cells = table_cells(line)
      rows = rows or {}
      if line:match("^|[%s:%-|]+$") and #rows == 1 then
        rows.right = {}
        for j, c in ipairs(cells) do
          rows.right[j] = c:match(":$") ~= nil
        end
      else
        for j, c in ipairs(cells) do
          cells[j] = unescape(c)
        end
        table.insert(rows, cells)
      end
    else
      flush()
      table.insert(out, unescape((line:gsub("^#+%s*", ""))))
    end
  end
  flush()
  return table.concat(out, "\n")
end

--- Runs offer.compare (the "Compare with N other offers" lens) on the server
--- and shows its table, as aligned text, in a read-only scratch buffer.
function M.compare(command, ctx)
  local client = vim.lsp.get_client_by_id(ctx.client_id)
  if not client then
    return
  end
  client.request("workspace/executeCommand", command, function(err, result)
    if err then
      notify("compare failed: " .. (err.message or tostring(err)), vim.log.levels.ERROR)
      return
    end
    M.compare_buffer = show_scratch("offer://compare", M.markdown_to_text(result or ""))
  end, ctx.bufnr)
end

--- Configures the plugin: merges opts into the defaults, defines the user
--- commands and attaches to offer buffers, including ones already open.
function M.setup(opts)
  M.config = vim.tbl_deep_extend("force", vim.deepcopy(defaults), opts or {})
  if opts and opts.cmd then
    M.config.cmd = opts.cmd -- lists replace, never merge
  end

  vim.api.nvim_create_user_command("OfferReport", function()
    M.report()
  end, { desc = "Show `offer report` for the current file" })
  vim.api.nvim_create_user_command("OfferEmail", function(o)
    M.email(o.args)
  end, {
    nargs = 1,
    complete = function()
      return M.email_kinds
    end,
    desc = "Draft an email with `offer email` (round1, followup or accept)",
  })

  vim.lsp.commands["offer.compare"] = M.compare
  -- The totals lens is a label: running it does nothing.
  vim.lsp.commands["offer.totals"] = function() end

  local group = vim.api.nvim_create_augroup("offer_lsp", { clear = true })
  vim.api.nvim_create_autocmd("FileType", {
    group = group,
    pattern = "offer",
    callback = function(args)
      M.attach(args.buf)
    end,
  })
  for _, bufnr in ipairs(vim.api.nvim_list_bufs()) do
    if vim.api.nvim_buf_is_loaded(bufnr) and vim.bo[bufnr].filetype == "offer" then
      M.attach(bufnr)
    end
  end
end

return M
