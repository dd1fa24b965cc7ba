-- A minimal Neovim 0.7 set-up that runs the Cluster Policy Lint language server over stdio on the
-- buffer given on the command line, waits for the diagnostics it pushes, writes them as JSON and
-- quits. Driven by test/e2e/tests/neovim.e2e.mjs:
--
--   CPL_SERVER=dist/server.js CPL_OUT=out.json nvim --headless -u test/e2e/nvim/init.lua draft.md
--
-- Neovim 0.7 has no pull diagnostics and no vim.lsp.start: it uses vim.lsp.start_client and
-- vim.lsp.buf_attach_client, and reads the diagnostics the server publishes.

vim.o.swapfile = false
vim.o.shadafile = 'NONE'

local server = assert(os.getenv('CPL_SERVER'), 'CPL_SERVER is not set')
local out = assert(os.getenv('CPL_OUT'), 'CPL_OUT is not set')
local timeout = tonumber(os.getenv('CPL_TIMEOUT_MS') or '30000')
local node = os.getenv('CPL_NODE') or 'node'

local log = {}
local function note(msg)
  table.insert(log, msg)
end

local function finish(result, code)
  result.log = log
  local f = assert(io.open(out, 'w'))
  f:write(vim.fn.json_encode(result))
  f:close()
  vim.cmd((code == 0) and 'qall!' or ('cquit! ' .. code))
end

local function run()
  local buf = vim.api.nvim_get_current_buf()
  local path = vim.api.nvim_buf_get_name(buf)
  if path == '' then
    return finish({ error = 'no file given' }, 3)
  end

  local client_id = vim.lsp.start_client({
    name = 'cluster-policy-lint',
    cmd = { node, server, '--stdio' },
    root_dir = vim.fn.fnamemodify(path, ':p:h'),
    -- Neovim answers workspace/configuration from these settings.
    settings = { clusterPolicyLint = vim.empty_dict() },
    handlers = {
      ['window/logMessage'] = function(_, params)
        note('log: ' .. tostring(params and params.message))
      end,
      ['window/showMessage'] = function(_, params)
        note('message: ' .. tostring(params and params.message))
      end,
    },
    on_exit = function(code, signal)
      note(('server exited: code %s signal %s'):format(tostring(code), tostring(signal)))
    end,
  })
  if not client_id then
    return finish({ error = 'vim.lsp.start_client failed' }, 4)
  end
  vim.lsp.buf_attach_client(buf, client_id)

  local got = vim.wait(timeout, function()
    return #vim.diagnostic.get(buf) > 0
  end, 50)

  local client = vim.lsp.get_client_by_id(client_id)
  local items = {}
  for _, d in ipairs(vim.diagnostic.get(buf)) do
    local lsp = (d.user_data and d.user_data.lsp) or {}
    table.insert(items, {
      line = d.lnum,
      col = d.col,
      severity = d.severity,
      message = d.message,
      source = d.source,
      code = d.code or lsp.code,
      -- A finding that stands for several rules (a measure lacking several parts) names them all.
      parts = type(lsp.data) == 'table' and lsp.data.parts or nil,
    })
  end
  local result = {
    nvim = vim.version(),
    file = path,
    filetype = vim.bo[buf].filetype,
    attached = vim.lsp.buf_is_attached(buf, client_id),
    server_name = client and client.server_info and client.server_info.name or vim.NIL,
    timed_out = not got,
    diagnostics = items,
  }
  if client then
    client.stop()
    vim.wait(5000, function()
      return client.is_stopped()
    end, 50)
  end
  finish(result, got and 0 or 1)
end

vim.api.nvim_create_autocmd('VimEnter', {
  once = true,
  callback = function()
    local ok, err = pcall(run)
    if not ok then
      finish({ error = tostring(err) }, 5)
    end
  end,
})
