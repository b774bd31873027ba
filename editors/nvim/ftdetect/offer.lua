-- Filetype detection for offerkit files. *.hcl is claimed by the hcl filetype
-- first, so the autocommand sets the filetype outright instead of :setfiletype.
if vim.filetype and vim.filetype.add then
  -- Neovim 0.8+ consults this table; 0.7 only with g:do_filetype_lua.
  vim.filetype.add({
    pattern = {
      [".*%.offer%.hcl"] = "offer",
      [".*%.bands%.hcl"] = "offer",
    },
  })
end

vim.api.nvim_create_autocmd({ "BufRead", "BufNewFile" }, {
  pattern = { "*.offer.hcl", "*.bands.hcl" },
  callback = function()
    if vim.bo.filetype ~= "offer" then
      vim.bo.filetype = "offer"
    end
  end,
})
