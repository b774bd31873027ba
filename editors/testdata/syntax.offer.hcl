# Highlighting sample for the editor tests: each marked place must get its group.
counter "round1" {
  offer = offer.amazon_l6
  sent  = "2025-03-12"
  /* a block comment
     spanning lines */
  script "base" {
    text = <<-EOT
      Given [[your achievement]], I ask for ${base}.
      # not a comment inside a heredoc
    EOT
  }
}
