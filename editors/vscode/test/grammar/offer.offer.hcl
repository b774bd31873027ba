# SYNTAX TEST "source.offer" "offers, counters and their values"

offer "amazon_l6" {
# <----- keyword.other.block.offer
#     ^ punctuation.definition.string.begin.offer
#      ^^^^^^^^^ entity.name.label.offer
#                 ^ punctuation.section.block.begin.offer
  company  = "Amazon"
# ^^^^^^^ variable.other.property.offer
#          ^ keyword.operator.assignment.offer
#            ^^^^^^^^ string.quoted.double.offer
  received = "2025-03-10"   # optional ISO dates
#             ^^^^^^^^^^ string.quoted.double.offer constant.other.date.offer
#                           ^ comment.line.number-sign.offer punctuation.definition.comment.offer
#                             ^^^^^^^^^^^^^^^^^^ comment.line.number-sign.offer
  base = 195000             // yearly base salary
#        ^^^^^^ constant.numeric.integer.offer
#                           ^^^^^^^^^^^^^^^^^^^^^ comment.line.double-slash.offer

  sign_on {
# ^^^^^^^ keyword.other.block.offer
    year1 = 110000
#   ^^^^^ variable.other.property.offer
#           ^^^^^^ constant.numeric.integer.offer
  }
# ^ punctuation.section.block.end.offer

  equity {
# ^^^^^^ keyword.other.block.offer
    price    = 186.05
#              ^^^^^^ constant.numeric.float.offer
    schedule = [5, 15, 40, 40]
#              ^ punctuation.section.brackets.begin.offer
#               ^ constant.numeric.integer.offer
#                ^ punctuation.separator.comma.offer
    growth   = -2.5
#              ^^^^ constant.numeric.float.offer
  }
  /* a block comment
#   ^^^^^^^^^^^^^^^^^ comment.block.offer
     spanning lines */
# ^^^^^^^^^^^^^^^^^^^^ comment.block.offer
#                   ^^ punctuation.definition.comment.offer
  remote = true
#          ^^^^ constant.language.offer
}

counter "round1" {
# <------- keyword.other.block.offer
#        ^^^^^^ entity.name.label.offer
  offer = offer.amazon_l6
# ^^^^^ variable.other.property.offer
#         ^^^^^ support.class.reference.offer
#              ^ punctuation.accessor.offer
#               ^^^^^^^^^ variable.other.reference.offer
  round = 1
#         ^ constant.numeric.integer.offer

  script "base" {
# ^^^^^^ keyword.other.block.offer
#         ^^^^ entity.name.label.offer
    text = <<-EOT
#          ^^^ keyword.operator.heredoc.offer
#             ^^^ keyword.control.heredoc.offer
      Thank you for the offer. Given [[your achievement]], I am asking for ${base}.
#     ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ string.unquoted.heredoc.offer
#                                    ^^ string.unquoted.heredoc.offer punctuation.definition.placeholder.begin.offer
#                                      ^^^^^^^^^^^^^^^^ string.unquoted.heredoc.offer variable.parameter.placeholder.offer
#                                                      ^^ punctuation.definition.placeholder.end.offer
#                                                                          ^^ punctuation.section.interpolation.begin.offer
#                                                                            ^^^^ meta.interpolation.offer variable.other.offer
      # not a comment in here, and no block: offer "x" {
#     ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ string.unquoted.heredoc.offer
    EOT
#   ^^^ keyword.control.heredoc.offer
  }

  email "accept" {
# ^^^^^ keyword.other.block.offer
    subject = "Accepting: start on [[start date]]"
#             ^ string.quoted.double.offer punctuation.definition.string.begin.offer
#                                  ^^ punctuation.definition.placeholder.begin.offer
#                                    ^^^^^^^^^^ variable.parameter.placeholder.offer
    body = <<EOT
#          ^^ keyword.operator.heredoc.offer
#            ^^^ keyword.control.heredoc.offer
Start date 2025-05-05.
#          ^^^^^^^^^^ string.unquoted.heredoc.offer constant.other.date.offer
EOT
# <--- keyword.control.heredoc.offer
  }
}

candidate {
# <--------- keyword.other.block.offer
  walk_away = 300000
# ^^^^^^^^^ variable.other.property.offer
}

custom_thing "x" {
# <------------ entity.name.type.block.offer
}
