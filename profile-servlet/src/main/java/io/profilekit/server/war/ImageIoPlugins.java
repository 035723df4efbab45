package io.profilekit.server.war;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import javax.imageio.ImageIO;
import javax.imageio.spi.IIORegistry;

/**
 * The WAR's own ImageIO plugins (JPEG 2000 and WebP readers in {@code WEB-INF/lib}) in the
 * JVM-wide ImageIO registry, for as long as the application runs. ImageIO finds plugins once,
 * through the class loader of whichever thread first uses it: were that a container's, this
 * application's plugins would be missing; were it this application's, its plugins would stay
 * registered after it stops, from a closed class loader, and every later picture check in
 * the JVM would fail. And since the first scan may have been this application's, which finds
 * its own copies of plugins the container's class path also holds, the container's are
 * scanned for again once this application's are gone.
 */
final class ImageIoPlugins {

    private ImageIoPlugins() {
    }

    /** Registers the application's plugins; call it while the application starts, on its thread. */
    static void register() {
        ImageIO.scanForPlugins();
    }

    /**
     * Removes every plugin that {@code loader} loaded, then registers those its parent (the
     * container's class path) holds, as a first scan from the container would have.
     */
    static void deregister(ClassLoader loader) {
        IIORegistry registry = IIORegistry.getDefaultInstance();
        Iterator<Class<?>> categories = registry.getCategories();
        while (categories.hasNext()) {
            deregister(registry, categories.next(), loader);
        }
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(loader.getParent());
        try {
            ImageIO.scanForPlugins();
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    private static <T> void deregister(IIORegistry registry, Class<T> category, ClassLoader loader) {
        List<T> ours = new ArrayList<>();
        registry.getServiceProviders(category, false).forEachRemaining(provider -> {
            if (provider.getClass().getClassLoader() == loader) {
                ours.add(provider);
            }
        });
        ours.forEach(provider -> registry.deregisterServiceProvider(provider, category));
    }
}
