package io.profilekit.core.pictures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.profilekit.core.Version;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class PictureSignaturesTest {

    private static final byte[] KEY = "0123456789abcdef0123456789abcdef".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    private static final Version VERSION = new Version(0x1a2bL);
    private final PictureSignatures signatures = new PictureSignatures(KEY);

    @Test
    void aSignatureVerifiesForTheValuesItWasMadeFor() {
        String signature = signatures.sign(7, VERSION, 1_800_000_000L);

        assertThat(signatures.verify(7, "1a2b", 1_800_000_000L, signature)).isTrue();
    }

    @Test
    void aSignatureIsUrlSafeBase64WithoutPadding() {
        assertThat(signatures.sign(7, VERSION, 1_800_000_000L)).matches("[A-Za-z0-9_-]{43}");
    }

    @Test
    void anotherRecordIdVersionOrExpiryFailsTheCheck() {
        String signature = signatures.sign(7, VERSION, 1_800_000_000L);

        assertThat(signatures.verify(8, "1a2b", 1_800_000_000L, signature)).isFalse();
        assertThat(signatures.verify(7, "1a2c", 1_800_000_000L, signature)).isFalse();
        assertThat(signatures.verify(7, "1a2b", 1_800_000_001L, signature)).isFalse();
    }

    @Test
    void anotherKeyFailsTheCheck() {
        byte[] other = Arrays.copyOf(KEY, KEY.length);
        other[0] ^= 1;

        String signature = new PictureSignatures(other).sign(7, VERSION, 1_800_000_000L);

        assertThat(signatures.verify(7, "1a2b", 1_800_000_000L, signature)).isFalse();
    }

    @Test
    void aSignatureThatIsNoBase64FailsTheCheck() {
        assertThat(signatures.verify(7, "1a2b", 1_800_000_000L, "not base64!")).isFalse();
        assertThat(signatures.verify(7, "1a2b", 1_800_000_000L, "")).isFalse();
    }

    @Test
    void aKeyShorterThan32BytesIsRefused() {
        assertThatThrownBy(() -> new PictureSignatures(new byte[31])).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least 32 bytes");
    }
}
