package io.profilekit.core.pictures;

import io.profilekit.core.InvalidProfileException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Iterator;
import java.util.function.Supplier;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * Runs work on the ImageIO reader for an image's bytes, and turns every way a reader fails on
 * bad bytes into one {@link InvalidProfileException}: no reader, an I/O or runtime error, and
 * JJ2000's {@code ThreadDeath} for a truncated JPEG 2000 codestream.
 */
final class ImageReaders {

    /** Work on a reader whose input is set. */
    interface Work<T> {
        T on(ImageReader reader) throws IOException;
    }

    private ImageReaders() {
    }

    /** Runs {@code work} on the first reader for {@code bytes}; {@code corrupt} says why it could not. */
    static <T> T read(byte[] bytes, Work<T> work, Supplier<InvalidProfileException> corrupt) {
        try (ImageInputStream input = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(input);
            if (!readers.hasNext()) {
                throw corrupt.get();
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(input, true, true);
                return work.on(reader);
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof InvalidProfileException invalid) {
                throw invalid;
            }
            throw corrupt.get();
        } catch (ThreadDeath jpeg2000Failure) {
            // JJ2000, the JPEG 2000 decoder, signals a truncated codestream this way (after
            // printing its stack trace to standard error); the thread itself goes on.
            throw corrupt.get();
        }
    }
}
