package dev.cairn.app.importing;

import dev.cairn.plugin.support.BoundedZip;
import dev.cairn.plugin.support.ByteCount;
import dev.cairn.plugin.support.ZipLimits;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import java.util.zip.CheckedInputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * Unpacks a dropped zip of a project (or of an mlruns folder, ...) into a temporary folder named after the zip, so
 * it can be walked like the project folder it was: entries outside the folder are refused, each entry's CRC is
 * checked, and a file that is not a zip, is cut short or has a corrupt entry is an {@link IOException} whose message
 * names the zip (and the entry).
 *
 * <p>A zip bomb is refused the same way, within its {@link ZipLimits} ({@link BoundedZip}, which the bundle reader
 * uses too): the headers are read first and a zip that declares too many entries, too many bytes or more bytes than
 * the temporary folder has free is refused before anything is written; then every entry's bytes are counted as they
 * come out of the inflater (headers can lie), and unpacking stops at the first byte past the entry's declared size,
 * the limit of one entry, the limit of all entries or the compression ratio. What was unpacked is deleted before the
 * error is thrown.
 */
final class ZipExpander {
    private static final String IF_TRUSTED = "; if you trust it, unzip it yourself and import the folder";

    private final ZipLimits limits;
    private final Path tempParent;

    /** Unpacks into the system's temporary folder within the default limits. */
    ZipExpander() {
        this(ZipLimits.DEFAULT, null);
    }

    /** Unpacks into {@code tempParent} (the system's temporary folder when null) within {@code limits}. */
    ZipExpander(ZipLimits limits, Path tempParent) {
        this.limits = limits;
        this.tempParent = tempParent;
    }

    /**
     * Unpacks {@code zip} into {@code <temp>/<zip name without .zip>/}; delete it with {@link #delete} (its parent
     * temporary folder goes with it).
     */
    Path expand(Path zip) throws IOException {
        Path tmp = tempParent == null ? Files.createTempDirectory("cairn-import-")
                : Files.createTempDirectory(tempParent, "cairn-import-");
        Path dir = tmp.resolve(stem(zip));
        try {
            Files.createDirectories(dir);
            try (ZipFile file = new ZipFile(zip.toFile())) {
                BoundedZip bounded = new BoundedZip(zip, limits, IF_TRUSTED);
                checkFreeSpace(zip, bounded.checkDeclared(file), tmp);
                Enumeration<? extends ZipEntry> entries = file.entries();
                while (entries.hasMoreElements()) {
                    unpack(zip, file, entries.nextElement(), dir, bounded);
                }
            } catch (ZipException e) {
                throw new IOException(zip + ": not a zip archive, or cut short (" + e.getMessage() + ")", e);
            }
        } catch (IOException | RuntimeException e) {
            delete(dir);
            throw e;
        }
        return dir;
    }

    /** Refuses, before anything is unpacked, a zip whose entries declare more bytes than the folder has free. */
    private static void checkFreeSpace(Path zip, long declared, Path tmp) throws IOException {
        long free = Files.getFileStore(tmp).getUsableSpace();
        if (declared > free) {
            throw new IOException(zip + ": unpacks to " + ByteCount.format(declared) + ", the temporary folder "
                    + tmp.getParent() + " has " + ByteCount.format(free) + " free");
        }
    }

    private static void unpack(Path zip, ZipFile file, ZipEntry e, Path dir, BoundedZip bounded)
            throws IOException {
        Path target = dir.resolve(e.getName()).normalize();
        if (!target.startsWith(dir) || target.equals(dir) && !e.isDirectory()) {
            throw new IOException(zip + ": entry '" + e.getName() + "' points outside the archive");
        }
        if (e.isDirectory()) {
            Files.createDirectories(target);
            return;
        }
        Files.createDirectories(target.getParent());
        try (InputStream raw = bounded.open(file, e); CheckedInputStream in = new CheckedInputStream(raw,
                new CRC32()); OutputStream out = Files.newOutputStream(target)) {
            byte[] buffer = new byte[64 * 1024];
            for (int n; (n = in.read(buffer)) > 0; ) {
                out.write(buffer, 0, n);
            }
            if (e.getCrc() != -1 && in.getChecksum().getValue() != e.getCrc()) {
                throw new IOException(zip + ": entry '" + e.getName() + "' is corrupt (CRC-32 "
                        + hex(in.getChecksum().getValue()) + ", the archive says " + hex(e.getCrc()) + ")");
            }
        } catch (ZipException ex) {
            throw new IOException(zip + ": entry '" + e.getName() + "' is corrupt (" + ex.getMessage() + ")", ex);
        } catch (java.io.EOFException ex) {
            throw new IOException(zip + ": entry '" + e.getName() + "' is cut short", ex);
        }
    }

    /**
     * The project folder of an unpacked zip: the one folder it holds when the zip holds nothing else (a zipped
     * {@code project/}), else the unpacked folder itself.
     */
    static Path projectRoot(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            List<Path> children = s.filter(p -> !p.getFileName().toString().equals("__MACOSX")).limit(2).toList();
            return children.size() == 1 && Files.isDirectory(children.get(0)) ? children.get(0) : dir;
        }
    }

    private static String stem(Path zip) {
        String name = String.valueOf(zip.getFileName());
        String stem = name.toLowerCase(Locale.ROOT).endsWith(".zip") ? name.substring(0, name.length() - 4) : name;
        return stem.isBlank() || stem.startsWith(".") ? "project" : stem;
    }

    private static String hex(long crc) {
        return String.format("%08x", crc);
    }

    /** Deletes an unpacked folder and the temporary folder holding it. */
    static void delete(Path dir) {
        Path root = dir.getParent() != null && dir.getParent().getFileName().toString().startsWith("cairn-import-")
                ? dir.getParent() : dir;
        try (Stream<Path> s = Files.walk(root)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | RuntimeException e) {
            root.toFile().deleteOnExit();
        }
    }
}
