package dev.cairn.app.demo;

import java.util.SplittableRandom;

/**
 * Simulated customers of a subscription service for the drift demo. As {@code drift} goes from 0 to 1 two
 * features move away from the training data (tenure falls, the plan mix shifts towards "enterprise") and the
 * customers churn less than they used to (a retention campaign), so a model trained at drift 0 gets less
 * accurate. Spend and region do not drift, but customers in "apac" drift away from the model fastest, so the
 * gap between the regions grows. Each row also carries the model's churn probability and the predictions of a
 * challenger (version 3, columns {@code predicted_churn@3}, {@code churn_score@3}) retrained to follow the drift.
 */
final class ChurnTraffic {
    static final String[] COLUMNS = {"tenure_months", "plan", "monthly_spend", "region", "predicted_churn", "churned",
        "churn_score", "predicted_churn@3", "churn_score@3"};
    private static final String[] REGIONS = {"emea", "amer", "apac"};

    private final SplittableRandom random;
    private final double drift;

    ChurnTraffic(long seed, double drift) {
        this.random = new SplittableRandom(seed);
        this.drift = drift;
    }

    /** One customer: tenure, plan, spend, region, the model's prediction, the true outcome. */
    Object[] next() {
        double tenure = Math.max(0, Math.round(gaussian(24 - 14 * drift * drift, 10)));
        double u = random.nextDouble();
        double basic = 0.5 - 0.25 * drift;
        double pro = 0.35 - 0.05 * drift;
        String plan = u < basic ? "basic" : u < basic + pro ? "pro" : "enterprise";
        double spend = Math.round(Math.max(5, gaussian(45, 15)) * 100) / 100.0;
        String region = REGIONS[random.nextInt(REGIONS.length)];
        double score = 0.6 - 0.06 * tenure + (plan.equals("basic") ? 0.8 : 0) + 0.01 * (spend - 40);
        boolean predicted = score > 0;
        double apac = region.equals("apac") ? 1.2 * drift : 0;
        double truth = score - 1.6 * drift - apac + gaussian(0, 0.5);
        boolean churned = truth > 0;
        Object missingSpend = random.nextDouble() < 0.01 ? null : spend;
        double challenger = score - 1.4 * drift - 0.9 * apac;
        return new Object[] {tenure, plan, missingSpend, region, predicted ? "yes" : "no", churned ? "yes" : "no",
            probability(score), challenger > 0 ? "yes" : "no", probability(challenger)};
    }

    private static double probability(double score) {
        return Math.round(1000.0 / (1 + Math.exp(-2.5 * score))) / 1000.0;
    }

    private double gaussian(double mean, double std) {
        double u1 = 1.0 - random.nextDouble();
        double u2 = random.nextDouble();
        return mean + std * Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
    }
}
