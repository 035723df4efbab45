package io.profilekit.core.pictures;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.profilekit.core.InvalidProfileException;
import io.profilekit.core.ProfilePicture;

/**
 * Coverage-guided fuzzing of picture uploads (Jazzer): whatever the bytes, the format sniffing
 * and the header and body checks answer dimensions within the limit or profilekit's own
 * {@link InvalidProfileException}, never another exception. The build replays the committed
 * inputs in {@code ImageInspectorFuzzTestInputs/}.
 */
class ImageInspectorFuzzTest {

    private static final int MAX_SIDE = 2048;

    @FuzzTest
    void checksAPictureWithinTheLimitOrRefusesIt(byte[] bytes) {
        ImageInspector.Dimensions dimensions;
        try {
            dimensions = ImageInspector.check(ProfilePicture.of(bytes), MAX_SIDE);
        } catch (InvalidProfileException refused) {
            return;
        }
        assertThat(dimensions.width()).isBetween(1, MAX_SIDE);
        assertThat(dimensions.height()).isBetween(1, MAX_SIDE);
    }
}
