package io.profilekit.core.pictures;

import io.profilekit.core.pictures.PictureRenderer.Encoding;
import io.profilekit.core.sample.SampleProfileGenerator;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What a first render of a 64-pixel avatar costs (a render not in the cache): the demo's
 * 128-pixel JPEG avatar, a 1024-pixel JPEG photo, and the seed's kind of 128-pixel RGBA JPEG
 * 2000 avatar (made by opj_compress; see {@code PictureRendererTest}).
 *
 * <p>Run with {@code mvn -q -pl profile-core test-compile exec:exec@jmh
 * -Djmh.args=PictureRendererBenchmark}; see docs/performance.md.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms512m", "-Xmx512m", "-XX:+AlwaysPreTouch"})
public class PictureRendererBenchmark {

    private final PictureRenderer renderer = new PictureRenderer(2048);
    private byte[] avatarJpeg;
    private byte[] photoJpeg;
    private byte[] seedJpeg2000;

    @Setup
    public void prepare() throws IOException {
        avatarJpeg = new SampleProfileGenerator(1).generate(0).picture().bytes();
        BufferedImage photo = new BufferedImage(1024, 1024, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = photo.createGraphics();
        for (int i = 0; i < 64; i++) {
            g.setColor(Color.getHSBColor(i / 64f, 0.6f, 0.8f));
            g.fillOval(i * 13 % 900, i * 29 % 900, 40 + i * 3, 30 + i * 2);
        }
        g.dispose();
        ByteArrayOutputStream jpeg = new ByteArrayOutputStream();
        ImageIO.write(photo, "jpeg", jpeg);
        photoJpeg = jpeg.toByteArray();
        try (InputStream in = PictureRendererBenchmark.class.getResourceAsStream("renderer/avatar-rgba.jp2")) {
            seedJpeg2000 = in.readAllBytes();
        }
    }

    @Benchmark
    public byte[] avatarJpeg128To64() {
        return renderer.render(avatarJpeg, 64, Encoding.AUTOMATIC).bytes();
    }

    @Benchmark
    public byte[] photoJpeg1024To64() {
        return renderer.render(photoJpeg, 64, Encoding.AUTOMATIC).bytes();
    }

    @Benchmark
    public byte[] seedJpeg2000128To64() {
        return renderer.render(seedJpeg2000, 64, Encoding.AUTOMATIC).bytes();
    }
}
