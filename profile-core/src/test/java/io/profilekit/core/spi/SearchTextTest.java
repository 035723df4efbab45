package io.profilekit.core.spi;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SearchTextTest {

    @Test
    void wordsAreLowerCasedAndSplitAtWhatIsNeitherLetterNorDigit() {
        assertThat(SearchText.words("Ada LOVELACE-King, 1815")).containsExactly("ada", "lovelace", "king", "1815");
    }

    @Test
    void accentsAreRemoved() {
        assertThat(SearchText.words("José Müller Françoise Ångström")).containsExactly("jose", "muller", "francoise",
                "angstrom");
    }

    @Test
    void latinLettersThatDoNotDecomposeAreSpeltInAscii() {
        assertThat(SearchText.words("Søren Æsir Straße Łukasz")).containsExactly("soren", "aesir", "strasse", "lukasz");
    }

    @Test
    void anEmailSplitsIntoItsLocalPartAndDomainWords() {
        assertThat(SearchText.words("ada.lovelace@example.com")).containsExactly("ada", "lovelace", "example", "com");
    }

    @Test
    void compatibilityFormsAreFolded() {
        assertThat(SearchText.words("ＡＤＡ ﬁne")).containsExactly("ada", "fine");
    }

    @Test
    void lettersOfOtherScriptsStayWords() {
        assertThat(SearchText.words("Дмитрий 李小龍")).containsExactly("дмитрии", "李小龍");
    }

    @Test
    void textWithoutLettersOrDigitsHasNoWords() {
        assertThat(SearchText.words(" -.,!@ ")).isEmpty();
        assertThat(SearchText.words("")).isEmpty();
        assertThat(SearchText.words(null)).isEmpty();
    }
}
