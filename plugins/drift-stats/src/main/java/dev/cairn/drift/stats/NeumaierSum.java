package dev.cairn.drift.stats;

/** Compensated (Kahan–Babuška–Neumaier) summation; not thread-safe. */
final class NeumaierSum {

    private double sum;
    private double compensation;

    /** @param x the next term */
    void add(double x) {
        double t = sum + x;
        if (Math.abs(sum) >= Math.abs(x)) {
            compensation += (sum - t) + x;
        } else {
            compensation += (x - t) + sum;
        }
        sum = t;
    }

    /** @return the compensated sum so far */
    double value() {
        return sum + compensation;
    }
}
