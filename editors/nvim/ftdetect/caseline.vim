" caseline: `.case` files are case timelines (for setups that do not call
" require('caseline').setup(), which registers the same rule).
autocmd BufRead,BufNewFile *.case setfiletype caseline
