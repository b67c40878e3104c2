-- Drives `connector-plan lsp --stdio` from Neovim's own LSP client (0.7: vim.lsp.start_client), as a user would:
-- open a plan, wait for its diagnostics, pick quick fixes from vim.lsp.buf.code_action() (vim.ui.select answered
-- here), fix all, read the outline. Writes what it saw as JSON to $CP_RESULT and quits; every wait has a timeout.
-- Run: nvim --headless --clean -c 'luafile test/neovim/lsp-client.lua' with CP_NODE, CP_SERVER_JS, CP_ROOT,
-- CP_PLAN and CP_RESULT set.

local env = vim.env
local out = { steps = {} }
local WAIT_MS = 20000

local function write_result()
  local file = assert(io.open(env.CP_RESULT, 'w'))
  file:write(vim.fn.json_encode(out))
  file:close()
end

local function lines(buf)
  return vim.api.nvim_buf_get_lines(buf, 0, -1, false)
end

local function line_index(buf, prefix)
  for i, line in ipairs(lines(buf)) do
    if line:sub(1, #prefix) == prefix then
      return i
    end
  end
  error('no line starts with ' .. prefix)
end

local function diagnostics(buf)
  local list = {}
  for _, d in ipairs(vim.diagnostic.get(buf)) do
    table.insert(list, { code = d.code, severity = d.severity, lnum = d.lnum, source = d.source, message = d.message, href = d.user_data and d.user_data.lsp and d.user_data.lsp.codeDescription and d.user_data.lsp.codeDescription.href or vim.NIL })
  end
  table.sort(list, function(a, b) return a.lnum < b.lnum end)
  return list
end

local function has_code(buf, code)
  for _, d in ipairs(vim.diagnostic.get(buf)) do
    if d.code == code then
      return true
    end
  end
  return false
end

local function wait(what, condition)
  if not vim.wait(WAIT_MS, condition, 20) then
    error('timed out waiting for ' .. what)
  end
end

-- Puts the cursor on the line starting with `prefix`, asks for code actions as `:lua vim.lsp.buf.code_action()` does
-- (the line's diagnostics, sent back as Neovim holds them) and picks the one titled `title`; waits until it changed the line.
local function pick_action(buf, prefix, title, context)
  local row = line_index(buf, prefix)
  vim.api.nvim_win_set_cursor(0, { row, 2 })
  local before = table.concat(lines(buf), '\n')
  local offered = nil
  vim.ui.select = function(items, _, on_choice)
    offered = {}
    local choice = nil
    for _, item in ipairs(items) do
      table.insert(offered, item[2].title)
      if item[2].title == title then
        choice = item
      end
    end
    on_choice(choice)
  end
  vim.lsp.buf.code_action(context)
  wait('code actions for ' .. prefix, function() return offered ~= nil end)
  wait('"' .. title .. '" to change the buffer (offered: ' .. table.concat(offered, ' | ') .. ')', function()
    return table.concat(lines(buf), '\n') ~= before
  end)
  return { offered = offered, line = lines(buf)[row] }
end

local ok, problem = pcall(function()
  local id = vim.lsp.start_client({ name = 'connector-plan', cmd = { env.CP_NODE, env.CP_SERVER_JS, 'lsp', '--stdio' }, root_dir = env.CP_ROOT })
  assert(id, 'the server did not start')
  vim.cmd('edit ' .. vim.fn.fnameescape(env.CP_PLAN))
  local buf = vim.api.nvim_get_current_buf()
  assert(vim.lsp.buf_attach_client(buf, id), 'could not attach the client')

  wait('the first diagnostics', function() return #vim.diagnostic.get(buf) > 0 end)
  out.diagnostics = diagnostics(buf)

  -- A quick fix of an option list left as the template wrote it: choose one value.
  out.steps.choose = pick_action(buf, '- Data pull mode:', 'Choose "snapshot"')
  wait('the unchosen-option finding to go', function() return not has_code(buf, 'unchosen-option') end)

  -- A quick fix on a line with a dash: Neovim 0.7 hands the diagnostic back with byte columns.
  out.steps.tick = pick_action(buf, '- [ ] Metrics spot-checked', 'Check this go/no-go item')
  wait('the go-no-go-open finding to go', function() return not has_code(buf, 'go-no-go-open') end)
  out.after_fixes = diagnostics(buf)

  -- The outline.
  local response = vim.lsp.buf_request_sync(buf, 'textDocument/documentSymbol', { textDocument = vim.lsp.util.make_text_document_params() }, WAIT_MS)
  assert(response and response[id] and response[id].result, 'no documentSymbol answer')
  out.symbols = {}
  for _, symbol in ipairs(response[id].result) do
    local children = {}
    for _, child in ipairs(symbol.children or {}) do
      table.insert(children, child.name)
    end
    table.insert(out.symbols, { name = symbol.name, detail = symbol.detail or vim.NIL, children = children })
  end

  -- Fix all, asked for by its kind.
  out.steps.fix_all = pick_action(buf, '# ', 'Fix all mechanical connector plan gaps', { only = { 'source.fixAll.connectorPlan' }, diagnostics = {} })
  wait('the missing-section finding to go', function() return not has_code(buf, 'missing-section') end)
  out.final_lines = lines(buf)
  out.final = diagnostics(buf)

  vim.lsp.stop_client(id)
  wait('the server to stop', function()
    local client = vim.lsp.get_client_by_id(id)
    return client == nil or client.is_stopped()
  end)
end)

if not ok then
  out.error = tostring(problem)
end
write_result()
vim.cmd('qa!')
