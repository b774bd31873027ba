-- Driven by nvim_test.go: loads the plugin from the runtimepath the way a
-- user's init.lua would, opens an offer file, talks to the server and writes
-- what it saw as JSON to $OFFER_TEST_OUT, then quits. Every wait is bounded.
local out_path = vim.env.OFFER_TEST_OUT
local results = { steps = {} }
local timeout = tonumber(vim.env.OFFER_TEST_TIMEOUT_MS or "15000")

-- Keep what the plugin tells the user, to check its error messages.
results.messages = {}
vim.notify = function(msg, level)
  table.insert(results.messages, msg)
end

local function step(name)
  table.insert(results.steps, name)
end

local function first_client(buf)
  local clients = vim.lsp.get_clients and vim.lsp.get_clients({ bufnr = buf }) or vim.lsp.buf_get_clients(buf)
  for _, client in pairs(clients) do
    return client
  end
end

-- Flattens the ways a hover can spell its contents into one string.
local function hover_text(contents)
  if type(contents) == "string" then
    return contents
  elseif type(contents) == "table" and contents.value then
    return contents.value
  elseif type(contents) == "table" then
    local parts = {}
    for _, c in ipairs(contents) do
      table.insert(parts, hover_text(c))
    end
    return table.concat(parts, "\n")
  end
  return ""
end

local function find_line(buf, pattern)
  for i, line in ipairs(vim.api.nvim_buf_get_lines(buf, 0, -1, false)) do
    local s, e = line:find(pattern)
    if s then
      return i - 1, s - 1, e
    end
  end
end

local function run()
  vim.opt.runtimepath:prepend(vim.env.OFFER_TEST_PLUGIN)
  vim.cmd("filetype plugin on")
  vim.cmd("syntax on")
  local offer = require("offer")
  offer.setup({ cmd = vim.fn.json_decode(vim.env.OFFER_TEST_CMD) })
  step("setup")

  vim.cmd("edit " .. vim.fn.fnameescape(vim.env.OFFER_TEST_FILE))
  local buf = vim.api.nvim_get_current_buf()
  results.filetype = vim.bo[buf].filetype
  results.syntax = vim.b.current_syntax or ""
  results.commentstring = vim.bo[buf].commentstring
  results.user_commands = {
    OfferReport = vim.fn.exists(":OfferReport") == 2,
    OfferEmail = vim.fn.exists(":OfferEmail") == 2,
  }
  local hl_line, hl_col = find_line(buf, 'offer "amazon_l6"')
  results.syntax_groups = {
    block = vim.fn.synIDattr(vim.fn.synID(hl_line + 1, hl_col + 1, 1), "name"),
    label = vim.fn.synIDattr(vim.fn.synID(hl_line + 1, hl_col + 8, 1), "name"),
  }
  step("opened")

  vim.wait(timeout, function()
    local c = first_client(buf)
    return c ~= nil and c.initialized
  end, 20)
  local client = first_client(buf)
  results.client = client and client.name or ""
  if not (client and client.initialized) then
    return
  end
  step("attached")
  results.buffer_options = {
    omnifunc = vim.bo[buf].omnifunc,
    tagfunc = vim.bo[buf].tagfunc,
    formatexpr = vim.bo[buf].formatexpr,
    K = vim.fn.maparg("K", "n") ~= "",
    gd = vim.fn.maparg("gd", "n") ~= "",
    gr = vim.fn.maparg("gr", "n") ~= "",
  }

  vim.wait(timeout, function()
    return #vim.diagnostic.get(buf) > 0
  end, 20)
  local codes, seen = {}, {}
  local lsp_diags = {}
  for _, d in ipairs(vim.diagnostic.get(buf)) do
    if d.code and not seen[d.code] then
      seen[d.code] = true
      table.insert(codes, tostring(d.code))
    end
    if d.user_data and d.user_data.lsp then
      table.insert(lsp_diags, d.user_data.lsp)
    end
  end
  table.sort(codes)
  results.diagnostic_codes = codes
  step("diagnostics")

  -- The plugin asks for code lens on attach, and again after a save.
  local function lens_titles()
    local titles = {}
    for _, l in ipairs(vim.lsp.codelens.get(buf)) do
      if not (l.command and l.command.title) then
        return nil -- not resolved yet
      end
      table.insert(titles, l.command.title)
    end
    return #titles > 0 and titles or nil
  end
  vim.wait(timeout, function()
    return lens_titles() ~= nil
  end, 20)
  results.codelens_titles = lens_titles() or {}
  step("codelens")

  -- What a 120-column screen shows around the offer's header line with a
  -- long diagnostic on that line (the checklist's run past 200
  -- characters): the totals must still be on screen.
  local header = find_line(buf, '^offer "amazon_l6"')
  local long = vim.api.nvim_create_namespace("offer_test_long_diagnostic")
  vim.diagnostic.set(long, buf, {
    { lnum = header, col = 0, severity = vim.diagnostic.severity.INFO, message = "A long diagnostic" .. string.rep(" on the offer's header line", 8) },
  })
  vim.o.columns = 120
  vim.o.lines = 40
  vim.api.nvim_win_set_cursor(0, { header + 1, 0 })
  vim.cmd("normal! zz")
  vim.cmd("redraw!")
  results.screen = {}
  for row = 1, vim.o.lines do
    local cells = {}
    for col = 1, vim.o.columns do
      table.insert(cells, vim.fn.screenstring(row, col))
    end
    table.insert(results.screen, (table.concat(cells):gsub("%s+$", "")))
  end
  vim.diagnostic.reset(long, buf)
  step("screen")

  -- Run the "Compare with N other offers" lens as vim.lsp.codelens.run()
  -- does (the command the plugin registered, with the lens's command) and
  -- read the read-only buffer it opens.
  for _, lens in ipairs(vim.lsp.codelens.get(buf)) do
    local fn = lens.command and vim.lsp.commands[lens.command.command]
    if lens.command.command == "offer.compare" and fn then
      fn(lens.command, { bufnr = buf, client_id = client.id })
      vim.wait(timeout, function()
        local b = vim.fn.bufnr("offer://compare")
        return b ~= -1 and vim.api.nvim_buf_line_count(b) > 1
      end, 20)
      local b = vim.fn.bufnr("offer://compare")
      if b ~= -1 then
        results.compare = table.concat(vim.api.nvim_buf_get_lines(b, 0, -1, false), "\n")
        results.compare_modifiable = vim.bo[b].modifiable
        vim.cmd("wincmd p")
      end
      break
    end
  end
  step("compare")

  -- Raise the base by 10,000 and save: the totals, and so the lens, change.
  local base_line = find_line(buf, "^  base = 230000")
  vim.api.nvim_buf_set_lines(buf, base_line, base_line + 1, false, { "  base = 240000" })
  vim.cmd("silent write")
  vim.wait(timeout, function()
    local now = lens_titles()
    return now ~= nil and not vim.deep_equal(now, results.codelens_titles)
  end, 20)
  results.codelens_after_save = lens_titles() or {}
  step("codelens after save")

  local uri = vim.uri_from_bufnr(buf)
  -- The label of the offer's header (the name also appears in comments above it).
  local label_line, header_col = find_line(buf, '^offer "amazon_l6"')
  local label_col = header_col + #'offer "'
  local hover = vim.lsp.buf_request_sync(buf, "textDocument/hover", {
    textDocument = { uri = uri },
    position = { line = label_line, character = label_col + 1 },
  }, timeout)
  results.hover = ""
  for _, r in pairs(hover or {}) do
    if r.result and r.result.contents then
      results.hover = results.hover .. hover_text(r.result.contents)
    end
  end
  step("hover")

  local block_end = label_line
  local lines = vim.api.nvim_buf_get_lines(buf, 0, -1, false)
  for i = label_line + 1, #lines do
    if lines[i]:match("^}") then
      block_end = i - 1
      break
    end
  end
  local actions = vim.lsp.buf_request_sync(buf, "textDocument/codeAction", {
    textDocument = { uri = uri },
    range = { start = { line = label_line, character = 0 }, ["end"] = { line = block_end, character = 1 } },
    context = { diagnostics = lsp_diags },
  }, timeout)
  results.code_action_titles = {}
  for _, r in pairs(actions or {}) do
    for _, a in ipairs(r.result or {}) do
      table.insert(results.code_action_titles, a.title)
    end
  end
  step("code actions")

  vim.cmd("OfferReport")
  results.report = table.concat(vim.api.nvim_buf_get_lines(0, 0, -1, false), "\n")
  results.report_buffer = vim.api.nvim_buf_get_name(0)
  vim.cmd("wincmd p")
  step("report")

  local counter_line = find_line(buf, 'counter "round1"')
  vim.api.nvim_win_set_cursor(0, { counter_line + 2, 0 })
  vim.cmd("OfferEmail round1")
  results.email = table.concat(vim.api.nvim_buf_get_lines(0, 0, -1, false), "\n")
  vim.cmd("wincmd p")
  step("email")
end

-- Opens the highlighting sample and records the syntax groups at a few places.
local function check_syntax()
  vim.cmd("edit " .. vim.fn.fnameescape(vim.env.OFFER_TEST_SYNTAX_FILE))
  local buf = vim.api.nvim_get_current_buf()
  local function stack(pattern, offset)
    local line, col = find_line(buf, pattern)
    local names = {}
    for _, id in ipairs(vim.fn.synstack(line + 1, col + 1 + (offset or 0))) do
      table.insert(names, vim.fn.synIDattr(id, "name"))
    end
    return table.concat(names, ",")
  end
  results.syntax_sample = {
    reference = stack("offer%.amazon_l6"),
    date = stack("2025%-03%-12"),
    block_comment = stack("spanning lines"),
    heredoc = stack("Given"),
    placeholder = stack("your achievement"),
    interpolation = stack("base}"),
    heredoc_hash = stack("# not a comment"),
  }
end

local ok, err = xpcall(function()
  run()
  check_syntax()
end, debug.traceback)
if not ok then
  results.error = tostring(err)
end
vim.fn.writefile({ vim.fn.json_encode(results) }, out_path)
vim.cmd("qa!")
