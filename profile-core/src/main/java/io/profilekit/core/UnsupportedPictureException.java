package io.profilekit.core;

/** The bytes offered as a picture are no image format profilekit stores (an SVG, an HTML page, a PDF...). */
public class UnsupportedPictureException extends InvalidProfileException {

    private static final long serialVersionUID = 1L;

    public UnsupportedPictureException(String message) {
        super(Reason.UNSUPPORTED_PICTURE, message, null);
    }
}
