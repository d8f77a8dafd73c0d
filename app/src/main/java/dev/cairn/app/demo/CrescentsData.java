package dev.cairn.app.demo;

import dev.cairn.store.model.DatasetInput;
import org.tribuo.Example;
import org.tribuo.Feature;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.classification.example.NoisyInterlockingCrescentsDataSource;
import org.tribuo.impl.ArrayExample;
import org.tribuo.provenance.SimpleDataSourceProvenance;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The demo's data: two noisy interlocking crescents from Tribuo's {@link NoisyInterlockingCrescentsDataSource},
 * a training split and a validation split drawn with different seeds, each in every {@link FeatureSet}.
 */
final class CrescentsData {
    static final int TRAIN_SIZE = 400;
    static final int VAL_SIZE = 300;
    static final double VARIANCE = 0.3;
    private static final long TRAIN_SEED = 1;
    private static final long VAL_SEED = 2;

    private final Map<FeatureSet, MutableDataset<Label>> train = new EnumMap<>(FeatureSet.class);
    private final Map<FeatureSet, MutableDataset<Label>> validation = new EnumMap<>(FeatureSet.class);
    private final String trainDigest;
    private final String valDigest;

    CrescentsData() {
        List<Example<Label>> rawTrain = points(TRAIN_SIZE, TRAIN_SEED);
        List<Example<Label>> rawVal = points(VAL_SIZE, VAL_SEED);
        for (FeatureSet f : FeatureSet.values()) {
            train.put(f, dataset("crescents-train", rawTrain, f));
            validation.put(f, dataset("crescents-val", rawVal, f));
        }
        trainDigest = digest(rawTrain);
        valDigest = digest(rawVal);
    }

    MutableDataset<Label> train(FeatureSet features) {
        return train.get(features);
    }

    MutableDataset<Label> validation(FeatureSet features) {
        return validation.get(features);
    }

    /** The two splits as dataset inputs of a run. */
    List<DatasetInput> inputs(FeatureSet features) {
        String schema = "{\"features\":[" + String.join(",", java.util.Arrays.stream(features.names())
                .map(n -> "\"" + n + "\"").toList()) + "],\"target\":\"label\",\"classes\":[\"O\",\"X\"]}";
        return List.of(
                new DatasetInput("crescents-train", trainDigest, source(TRAIN_SIZE, TRAIN_SEED), schema, "training"),
                new DatasetInput("crescents-val", valDigest, source(VAL_SIZE, VAL_SEED), schema, "validation"));
    }

    private static String source(int size, long seed) {
        return String.format(Locale.ROOT, "tribuo:NoisyInterlockingCrescentsDataSource(numSamples=%d, seed=%d, "
                + "variance=%s)", size, seed, VARIANCE);
    }

    private static List<Example<Label>> points(int size, long seed) {
        List<Example<Label>> out = new java.util.ArrayList<>(size);
        new NoisyInterlockingCrescentsDataSource(size, seed, VARIANCE).forEach(out::add);
        return out;
    }

    private static MutableDataset<Label> dataset(String name, List<Example<Label>> points, FeatureSet features) {
        MutableDataset<Label> out = new MutableDataset<>(new SimpleDataSourceProvenance(name + "-" + features.label(),
                new LabelFactory()), new LabelFactory());
        String[] names = features.names();
        for (Example<Label> e : points) {
            double[] xy = coordinates(e);
            out.add(new ArrayExample<>(e.getOutput(), names, features.expand(xy[0], xy[1])));
        }
        return out;
    }

    private static double[] coordinates(Example<Label> e) {
        double[] xy = new double[2];
        int i = 0;
        for (Feature f : e) {
            xy[i++] = f.getValue();
        }
        return xy;
    }

    /** A short content digest (like MLflow's dataset digest): first 8 bytes of SHA-256 over labels and values. */
    private static String digest(List<Example<Label>> points) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            ByteBuffer buf = ByteBuffer.allocate(16);
            for (Example<Label> e : points) {
                sha.update(e.getOutput().getLabel().getBytes(StandardCharsets.UTF_8));
                double[] xy = coordinates(e);
                buf.clear();
                buf.putDouble(xy[0]).putDouble(xy[1]);
                sha.update(buf.array());
            }
            return HexFormat.of().formatHex(sha.digest(), 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
    }
}
