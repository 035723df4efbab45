package io.profilekit.core.scim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.profilekit.core.Profile;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ScimFilterTest {

    private static final Profile BARBARA = Profile.builder().recordId(7L).userId("bjensen@example.com")
            .name("Babs Jensen").nickname("babs").firstName("Barbara").lastName("Jensen")
            .email("bjensen@example.com").phone("555-0100").city("Hollywood")
            .attribute("scim", Map.of("externalId", "Ext-42", "title", "Tour Guide",
                    "emails", List.of(Map.of("value", "bjensen@example.com", "type", "work", "primary", true),
                            Map.of("value", "babs@home.example", "type", "home")),
                    ScimSchemas.ENTERPRISE_USER, Map.of("employeeNumber", "701984", "department", "Tours",
                            "manager", Map.of("value", "26118915-6090-4610-87e4-49d8ca9f808d"))))
            .build();

    private static boolean matches(String filter) {
        return ScimFilter.parse(filter).matches(BARBARA);
    }

    @Test
    void userNameComparesIgnoringCase() {
        assertThat(matches("userName eq \"BJensen@Example.com\"")).isTrue();
    }

    @Test
    void externalIdComparesCaseExactly() {
        assertThat(matches("externalId eq \"Ext-42\"")).isTrue();
        assertThat(matches("externalId eq \"ext-42\"")).isFalse();
    }

    @Test
    void operatorsAndAttributeNamesAreCaseInsensitive() {
        assertThat(matches("USERNAME EQ \"bjensen@example.com\" AND Name.FamilyName SW \"jen\"")).isTrue();
    }

    @Test
    void everyComparisonOperatorCompares() {
        assertThat(matches("name.familyName co \"ens\"")).isTrue();
        assertThat(matches("name.familyName ew \"sen\"")).isTrue();
        assertThat(matches("name.familyName ne \"Jensen\"")).isFalse();
        assertThat(matches("name.familyName gt \"J\"")).isTrue();
        assertThat(matches("name.familyName ge \"jensen\"")).isTrue();
        assertThat(matches("name.familyName lt \"J\"")).isFalse();
        assertThat(matches("name.familyName le \"Jensen\"")).isTrue();
    }

    @Test
    void presentNeedsAValue() {
        assertThat(matches("title pr")).isTrue();
        assertThat(matches("locale pr")).isFalse();
    }

    @Test
    void multiValuedAttributesMatchWhenAnyValueDoes() {
        assertThat(matches("emails.value eq \"babs@home.example\"")).isTrue();
        assertThat(matches("emails co \"home.example\"")).isTrue();
    }

    @Test
    void valueFiltersTestOneValueAtATime() {
        assertThat(matches("emails[type eq \"work\" and value co \"@example.com\"]")).isTrue();
        assertThat(matches("emails[type eq \"home\" and value co \"@example.com\"]")).isFalse();
    }

    @Test
    void aValueFilterMayCompareASubAttributeOfTheValuesItSelects() {
        assertThat(matches("emails[type eq \"work\"].value eq \"BJENSEN@example.com\"")).isTrue();
        assertThat(matches("emails[type eq \"home\"].value eq \"bjensen@example.com\"")).isFalse();
    }

    @Test
    void notAndOrFollowTheirPrecedenceAndParenthesesOverrideIt() {
        assertThat(matches("nickName eq \"x\" or nickName eq \"babs\" and title eq \"x\"")).isFalse();
        assertThat(matches("(nickName eq \"x\" or nickName eq \"babs\") and title pr")).isTrue();
        assertThat(matches("not (active eq false)")).isTrue();
    }

    @Test
    void theEnterpriseExtensionIsFilteredByItsUrn() {
        assertThat(matches(ScimSchemas.ENTERPRISE_USER + ":employeeNumber eq \"701984\"")).isTrue();
        assertThat(matches(ScimSchemas.ENTERPRISE_USER + ":manager.value pr")).isTrue();
    }

    @Test
    void theCoreUrnMayPrefixAnAttribute() {
        assertThat(matches(ScimSchemas.USER + ":userName eq \"bjensen@example.com\"")).isTrue();
    }

    @Test
    void booleansNumbersAndNullCompareByType() {
        assertThat(matches("active eq true")).isTrue();
        assertThat(matches("active eq \"true\"")).isFalse();
        assertThat(matches("locale eq null")).isTrue();
        assertThat(matches("id eq \"7\"")).isTrue();
    }

    @Test
    void stringsTakeJsonEscapes() {
        assertThat(matches("displayName eq \"Babs\\u0020Jensen\"")).isTrue();
    }

    @Test
    void aUserNameEqualityIsAKey() {
        assertThat(ScimFilter.parse("userName eq \"bjensen\" and active eq true").key())
                .contains(new ScimFilter.Key.UserName("bjensen"));
    }

    @Test
    void anIdEqualityIsAKey() {
        assertThat(ScimFilter.parse("id eq \"7\"").key()).contains(new ScimFilter.Key.Id("7"));
    }

    @Test
    void anAlternativeIsNoKey() {
        assertThat(ScimFilter.parse("userName eq \"a\" or userName eq \"b\"").key()).isEmpty();
    }

    @Test
    void whatIsNoFilterIsRefusedAsInvalidFilter() {
        List<String> refused = List.of("", "userName", "userName eq", "userName eq bjensen", "userName is \"x\"",
                "userName eq \"x", "(userName pr", "userName pr)", "not userName pr", "password eq \"x\"",
                "meta.lastModified gt \"2011-05-13T04:42:34Z\"", "shoeSize eq \"9\"", "active co \"t\"",
                "active gt true", "name.shoe eq \"x\"", "userName.value eq \"x\"", "emails[type eq \"work\"].value",
                "emails[type eq \"work\"].emails eq \"x\"", "emails[emails[type pr]]", "displayName[value pr]",
                "urn:example:Thing eq \"x\"x", "userName eq \"\\q\"", "userName eq \"\\u12\"", "userName pr and",
                "1name pr", "emails[1type pr]", ScimSchemas.ENTERPRISE_USER + ":shoeSize eq \"9\"",
                ScimSchemas.ENTERPRISE_USER + " pr", "userName eq 01", "userName eq -", "title co 3",
                "title gt false", "userName eq \"x\" \"y\"", "emails[value pr", "userName eq \"\\");
        for (String filter : refused) {
            assertThatThrownBy(() -> ScimFilter.parse(filter)).as(filter).isInstanceOfSatisfying(ScimException.class,
                    e -> assertThat(e.scimType()).isEqualTo(ScimException.Type.INVALID_FILTER));
        }
    }

    @Test
    void aRefusalNamesThePathAsWritten() {
        assertThatThrownBy(() -> ScimFilter.parse("displayName[value pr]"))
                .hasMessage("the filter cannot be read: 'displayName' is no multi-valued attribute, so it takes no"
                        + " value filter");
        assertThatThrownBy(() -> ScimFilter.parse(ScimSchemas.ENTERPRISE_USER + ":shoe.size eq \"x\""))
                .hasMessageContaining("'" + (ScimSchemas.ENTERPRISE_USER + ":shoe.size").substring(0, 60)
                        + "...' is no attribute of a User");
        assertThatThrownBy(() -> ScimFilter.parse("name.shoe eq \"x\"")).hasMessageContaining("'name.shoe' is no");
    }

    @Test
    void aLongPathIsClippedInTheMessage() {
        String path = "a".repeat(61);

        assertThatThrownBy(() -> ScimFilter.parse(path + " eq \"x\"")).hasMessageContaining("'" + "a".repeat(60)
                + "...' is no attribute");
    }

    @Test
    void aPathOfSixtyCharactersIsNotClipped() {
        String path = "a".repeat(60);

        assertThatThrownBy(() -> ScimFilter.parse(path + " eq \"x\"")).hasMessageContaining("'" + path
                + "' is no attribute");
    }

    @Test
    void extraSpacesBetweenTokensAreTolerated() {
        assertThat(matches("  userName   eq  \"bjensen@example.com\"   and  ( title  pr )  ")).isTrue();
    }

    @Test
    void orderedComparisonsHoldAtTheBoundary() {
        assertThat(matches("name.familyName gt \"Jensen\"")).isFalse();
        assertThat(matches("name.familyName ge \"Jensen\"")).isTrue();
        assertThat(matches("name.familyName lt \"Jensen\"")).isFalse();
        assertThat(matches("name.familyName le \"Jensen\"")).isTrue();
        assertThat(matches("name.familyName lt \"K\"")).isTrue();
    }

    @Test
    void numbersCompareByValue() {
        Profile leveled = BARBARA.toBuilder().attribute("scim", Map.of("urn:example:acme:2.0:User",
                Map.of("level", 3, "Grade", "B"))).build();

        assertThat(ScimFilter.parse("urn:example:acme:2.0:User:level eq 3.0").matches(leveled)).isTrue();
        assertThat(ScimFilter.parse("urn:example:acme:2.0:User:level gt 2").matches(leveled)).isTrue();
        assertThat(ScimFilter.parse("urn:example:acme:2.0:User:level gt 3").matches(leveled)).isFalse();
        assertThat(ScimFilter.parse("urn:example:acme:2.0:User:level le 3").matches(leveled)).isTrue();
        assertThat(ScimFilter.parse("urn:example:acme:2.0:User:level eq \"3\"").matches(leveled)).isFalse();
    }

    @Test
    void aKeptAttributeIsFoundWhateverTheCaseItWasKeptIn() {
        Profile leveled = BARBARA.toBuilder().attribute("scim", Map.of("urn:example:acme:2.0:User",
                Map.of("Grade", "B"))).build();

        assertThat(ScimFilter.parse("urn:example:acme:2.0:User:grade eq \"b\"").matches(leveled)).isTrue();
    }

    @Test
    void anEqualityWithNullFailsForAPresentValue() {
        assertThat(matches("title eq null")).isFalse();
        assertThat(matches("title ne null")).isTrue();
    }

    @Test
    void notOfATrueFilterIsFalse() {
        assertThat(matches("not (userName pr)")).isFalse();
    }

    @Test
    void aValueFilterOnAnAttributeWithoutValuesMatchesNothing() {
        assertThat(matches("phoneNumbers[type eq \"work\"]")).isTrue();
        assertThat(matches("ims[type pr]")).isFalse();
    }

    @Test
    void aFilterOfTheLongestLengthIsRead() {
        String filter = "userName eq \"" + "a".repeat(FilterParser.MAX_LENGTH - 14) + "\"";

        assertThat(filter).hasSize(FilterParser.MAX_LENGTH);
        assertThat(ScimFilter.parse(filter).matches(BARBARA)).isFalse();
    }

    @Test
    void sixteenLevelsOfNestingAreRead() {
        assertThat(ScimFilter.parse("(".repeat(15) + "userName pr" + ")".repeat(15)).matches(BARBARA)).isTrue();
    }

    @Test
    void deepNestingIsRefused() {
        String deep = "(".repeat(40) + "userName pr" + ")".repeat(40);
        assertThatThrownBy(() -> ScimFilter.parse(deep)).isInstanceOf(ScimException.class)
                .hasMessageContaining("nests deeper");
    }

    @Test
    void aLongFilterIsRefused() {
        String filter = "userName eq \"" + "a".repeat(FilterParser.MAX_LENGTH) + "\"";
        assertThatThrownBy(() -> ScimFilter.parse(filter)).isInstanceOf(ScimException.class)
                .hasMessageContaining("longer than");
    }
}
