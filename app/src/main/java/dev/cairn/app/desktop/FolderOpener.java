package dev.cairn.app.desktop;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.Consumer;

/** Opens a local folder in the system file manager (xdg-open, open, explorer), off the UI thread. */
final class FolderOpener implements Consumer<Path> {
    private static final Logger LOG = LoggerFactory.getLogger(FolderOpener.class);

    @Override
    public void accept(Path folder) {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        String[] command = os.contains("win") ? new String[] {"explorer", folder.toString()}
                : os.contains("mac") ? new String[] {"open", folder.toString()}
                : new String[] {"xdg-open", folder.toString()};
        Thread t = new Thread(() -> {
            try {
                new ProcessBuilder(command).inheritIO().start();
            } catch (IOException e) {
                LOG.warn("cannot open {}: {}", folder, e.getMessage());
            }
        }, "cairn-open-folder");
        t.setDaemon(true);
        t.start();
    }
}
