-- Neovim 0.7 as a second LSP client: start `source-trace lsp --stdio` on the sample draft,
-- print the diagnostics and a hover, and exit non-zero on a wrong answer.
local root = os.getenv('SOURCE_TRACE_ROOT')
local out = io.stdout
local function fail(msg) out:write('FAIL: ' .. msg .. '\n'); vim.cmd('cquit 1') end

local function main()
local ok, err = pcall(function()
  local buf = vim.api.nvim_get_current_buf()
  local id = vim.lsp.start_client({
    name = 'source-trace',
    cmd = { 'node', root .. '/bin/source-trace.js', 'lsp', '--stdio' },
    root_dir = root,
    init_options = { settings = { corpus = { 'corpus/**' }, minQuoteWords = 4 } },
  })
  if not id then return fail('the server did not start') end
  vim.lsp.buf_attach_client(buf, id)

  local want = { misattributed = true, misquote = true, outdated = true, unsourced = true }
  local seen = {}
  local got = vim.wait(30000, function()
    seen = {}
    for _, d in ipairs(vim.diagnostic.get(buf)) do seen[d.code or (d.user_data and d.user_data.lsp and d.user_data.lsp.code) or '?'] = true end
    for code in pairs(want) do if not seen[code] then return false end end
    return true
  end, 50)
  for _, d in ipairs(vim.diagnostic.get(buf)) do
    out:write(string.format('diagnostic %d:%d %s %s\n', d.lnum + 1, d.col + 1, tostring(d.code), d.message:sub(1, 80)))
  end
  if not got then return fail('not every diagnostic code arrived') end

  local lines = vim.api.nvim_buf_get_lines(buf, 0, -1, false)
  local line, col
  for i, l in ipairs(lines) do
    local c = l:find('He confirmed once again', 1, true)
    if c then line, col = i - 1, c + 2 end
  end
  local params = { textDocument = { uri = vim.uri_from_bufnr(buf) }, position = { line = line, character = col } }
  local res = vim.lsp.buf_request_sync(buf, 'textDocument/hover', params, 10000)
  local text = ''
  for _, r in pairs(res or {}) do if r.result and r.result.contents then text = text .. (r.result.contents.value or '') end end
  out:write('hover: ' .. text:gsub('\n', ' | '):sub(1, 300) .. '\n')
  if not text:find('Hanno Pevkur', 1, true) then return fail('the hover does not name the real speaker') end

  local defs = vim.lsp.buf_request_sync(buf, 'textDocument/definition', params, 10000)
  local target = ''
  for _, r in pairs(defs or {}) do if r.result and r.result[1] then target = r.result[1].uri end end
  out:write('definition: ' .. target .. '\n')
  if not target:find('2025%-10%-15%-hegseth%-impose%-costs%-on%-russia%.md$') then return fail('go to definition did not reach the source') end
  out:write('PASS\n')
  vim.cmd('qa!')
end)
if not ok then fail(tostring(err)) end
end

-- The file named on the command line is loaded after this script runs: start once it is.
vim.api.nvim_create_autocmd('VimEnter', { once = true, callback = main })
