package dev.autoscaling.validation.cost;

/** A (min, max) estimate of a cost or a size, saturating at {@link Long#MAX_VALUE} like the API server's. */
record Estimate(long min, long max) {

  static final long UNBOUNDED = Long.MAX_VALUE;
  static final Estimate ZERO = new Estimate(0, 0);
  static final Estimate ONE = new Estimate(1, 1);
  static final Estimate UNKNOWN = new Estimate(0, UNBOUNDED);

  static Estimate exactly(long n) {
    return new Estimate(n, n);
  }

  Estimate plus(Estimate other) {
    return new Estimate(add(min, other.min), add(max, other.max));
  }

  Estimate plus(long n) {
    return new Estimate(add(min, n), add(max, n));
  }

  Estimate times(Estimate other) {
    return new Estimate(multiply(min, other.min), multiply(max, other.max));
  }

  /** Multiplied by a factor such as 0.1 per character, rounded up, as cel-go does. */
  Estimate scaled(double factor) {
    return new Estimate(scale(min, factor), scale(max, factor));
  }

  Estimate union(Estimate other) {
    return new Estimate(Math.min(min, other.min), Math.max(max, other.max));
  }

  static long add(long a, long b) {
    long sum = a + b;
    return ((a ^ sum) & (b ^ sum)) < 0 || sum < 0 ? UNBOUNDED : sum;
  }

  static long multiply(long a, long b) {
    if (a == 0 || b == 0) {
      return 0;
    }
    return a > UNBOUNDED / b ? UNBOUNDED : a * b;
  }

  private static long scale(long n, double factor) {
    if (n == UNBOUNDED) {
      return UNBOUNDED;
    }
    double scaled = Math.ceil(n * factor);
    return scaled >= (double) UNBOUNDED ? UNBOUNDED : (long) scaled;
  }
}
