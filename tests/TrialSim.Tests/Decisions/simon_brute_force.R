# Plain brute force of Simon (1989) optimal and minimax designs, independent of the C# search; the
# source of the full-precision literals in SimonSearchTest.cs (clinfun could not be installed here).
# Every n, n1 < n, r1 < n1, r in r1 .. n - 1; feasible when alpha(p0) <= alpha and power(p1) >= 1 - beta.
# Usage: Rscript simon_brute_force.R p0 p1 alpha beta nmax
# Prints r1 n1 r n EN(p0) PET(p0) alpha power, and last the smallest feasible r (equal to r in every
# case tested, so the choice of r among feasible ones did not matter there).
simon <- function(p0, p1, alpha, beta, nmax) {
  best_opt <- NULL; best_mm <- NULL
  for (n in 2:nmax) for (n1 in 1:(n - 1)) {
    n2 <- n - n1
    S2 <- function(k, p) pbinom(k - 1, n2, p, lower.tail = FALSE)  # P(X2 >= k)
    for (r1 in 0:(n1 - 1)) {
      xs <- (r1 + 1):n1; rs <- r1:(n - 1)
      a <- sapply(rs, function(r) sum(dbinom(xs, n1, p0) * S2(r - xs + 1, p0)))
      pw <- sapply(rs, function(r) sum(dbinom(xs, n1, p1) * S2(r - xs + 1, p1)))
      ok <- which(a <= alpha & pw >= 1 - beta)
      if (length(ok) == 0) next
      k <- ok[length(ok)]  # the largest feasible r, as clinfun::ph2simon takes
      pet <- pbinom(r1, n1, p0); en <- n1 + (1 - pet) * n2
      d <- c(r1, n1, rs[k], n, en, pet, a[k], pw[k], rs[ok[1]])
      if (is.null(best_opt) || en < best_opt[5]) best_opt <- d
      if (is.null(best_mm) || n < best_mm[4] || (n == best_mm[4] && en < best_mm[5])) best_mm <- d
    }
  }
  list(optimal = best_opt, minimax = best_mm)
}
args <- as.numeric(commandArgs(TRUE))
z <- simon(args[1], args[2], args[3], args[4], args[5])
for (k in names(z)) cat(k, sprintf("%.17g", z[[k]]), "\n")
