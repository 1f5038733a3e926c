" caseline: regex colouring of .case files for Neovim versions (such as Debian's
" 0.7) that cannot load the tree-sitter grammar, and for Vim. Mirrors the VS Code
" TextMate grammar; the language server's diagnostics need no syntax file.
if exists('b:current_syntax')
  finish
endif

syntax case match
syntax iskeyword @,48-57,_,-,.

syntax match caselineComment "#.*$" contains=caselineAllow
syntax match caselineAllow "#\s*\zscaseline:\s*allow\>" contained
syntax region caselineString start=+"+ skip=+\\\\\|\\"+ end=+"\|$+ oneline contains=caselineEscape
syntax match caselineEscape +\\[\\"]+ contained
syntax match caselineProse "^\s\+>.*$"

syntax match caselineDate "\<\d\{4}-\d\{2}\%(-\d\{2}\)\?\%(\.\.\%(\d\{4}-\d\{2}\%(-\d\{2}\)\?\|\d\{2}-\d\{2}\|\d\{2}\)\)\?\>"
syntax match caselineDate "^?\ze\s"
syntax match caselineDate "\%(\<by\s\+\)\@<=?"
syntax match caselineDuration "\<\d\+\%(wd\|d\|w\|m\|y\)\>"

" Entry heads: DATE EVENT; the generic kinds stand out from procedure events.
" Lookbehinds, because the date (or keyword) before the name is matched first.
syntax match caselineEvent "\%(^\S\+\s\+\)\@<=[a-z][a-z0-9-]*\%(\.[a-z][a-z0-9-]*\)*"
syntax match caselineGeneric "\%(^\S\+\s\+\)\@<=\%(note\|done\|declined\|partial\)\>"
syntax match caselineEvent "\%(^\s\+\%(event\|deadline\|require\)\s\+\)\@<=[a-z][a-z0-9.-]*"
syntax match caselineEvent "\%(\<\%(of\|before\)\s\+\)\@<=[a-z][a-z0-9.-]*"
syntax match caselineId "\%(^\s\+\%(rec\|promise\)\s\+\)\@<=[A-Za-z0-9][A-Za-z0-9_-]*"

syntax match caselineKey "^\s\+\zs[a-z][a-z0-9_-]*\ze\%(\s\|$\)"
syntax keyword caselineKeyword case procedure calendar rec promise agree extended event
syntax keyword caselineKeyword deadline within of extendable to require before use
syntax keyword caselineKeyword extends closed by recommends
syntax keyword caselineKeyword or starting beginning with latest repeating roll-forward guidance
syntax keyword caselineKeyword pause from until exception without limit ends

highlight default link caselineComment Comment
highlight default link caselineAllow PreProc
highlight default link caselineString String
highlight default link caselineEscape SpecialChar
highlight default link caselineProse Comment
highlight default link caselineDate Constant
highlight default link caselineDuration Number
highlight default link caselineEvent Function
highlight default link caselineGeneric Statement
highlight default link caselineId Identifier
highlight default link caselineKey Type
highlight default link caselineKeyword Keyword

let b:current_syntax = 'caseline'
