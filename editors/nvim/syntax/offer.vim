" Syntax for offerkit files (*.offer.hcl, *.bands.hcl): HCL with the block
" types, references, dates and [[placeholders]] of the offer format. Neovim 0.7
" ships no hcl syntax, so this file stands on its own.
if exists('b:current_syntax')
  finish
endif

syn case match

syn keyword offerTodo contained TODO FIXME XXX NOTE
syn match offerComment "#.*$" contains=offerTodo,@Spell
syn match offerComment "//.*$" contains=offerTodo,@Spell
syn region offerComment start="/\*" end="\*/" contains=offerTodo,@Spell

syn match offerNumber "\<-\=\d\+\%(\.\d\+\)\=\%([eE][+-]\=\d\+\)\=\>"
syn keyword offerBoolean true false null

syn match offerAttribute "^\s*\zs\h[[:alnum:]_-]*\ze\s*=\%([=>]\)\@!"

" A block type at the start of a line, followed by labels and an opening brace.
syn match offerBlockType "^\s*\zs\h[[:alnum:]_-]*\ze\%(\s\+\%(\"[^\"]*\"\|\h[[:alnum:]_-]*\)\)*\s*{"

syn match offerReference "\<\%(offer\|counter\|band\|cap\|schedule\|candidate\)\.\h[[:alnum:]_-]*"

syn match offerEscape contained "\\\%([nrt\"\\]\|u\x\{4}\|U\x\{8}\)"
syn match offerEscape contained "\$\${\|%%{"
syn match offerPlaceholder contained "\[\[[^]]\+\]\]"
syn match offerDate contained "\<\d\{4}-\%(0[1-9]\|1[0-2]\)\%(-\%(0[1-9]\|[12]\d\|3[01]\)\)\=\>"
syn region offerInterpolation contained matchgroup=offerInterpolationDelim start="\${\~\=" end="\~\=}" contains=offerNumber,offerBoolean,offerReference,offerString
syn region offerInterpolation contained matchgroup=offerInterpolationDelim start="%{\~\=" end="\~\=}" contains=offerNumber,offerBoolean,offerReference,offerString

syn region offerString start=+"+ skip=+\\\\\|\\"+ end=+"+ oneline contains=offerEscape,offerInterpolation,offerPlaceholder,offerDate
" Defined after offerString so that it wins for the quoted labels of a block header.
syn match offerLabel "\"[^\"]*\"\ze\%(\s\+\"[^\"]*\"\)*\s*{"

syn region offerHeredoc matchgroup=offerHeredocDelim start="<<-\=\z(\h\w*\)\s*$" end="^\s*\z1\s*$" contains=offerInterpolation,offerPlaceholder,offerDate,offerEscape

hi def link offerTodo Todo
hi def link offerComment Comment
hi def link offerNumber Number
hi def link offerBoolean Boolean
hi def link offerAttribute Identifier
hi def link offerBlockType Structure
hi def link offerLabel Title
hi def link offerReference Special
hi def link offerEscape SpecialChar
hi def link offerPlaceholder Todo
hi def link offerDate Constant
hi def link offerInterpolationDelim Delimiter
hi def link offerString String
hi def link offerHeredoc String
hi def link offerHeredocDelim Delimiter

" Offer files are short; parsing from the top keeps heredocs and block
" comments right wherever the screen starts.
syn sync fromstart

let b:current_syntax = 'offer'
