package io.profilekit.core.scim;

/**
 * Identity providers' requests as their documentation shows them, for the tests of every module
 * (profile-core's test jar): Okta's SCIM 2.0 guide and Microsoft Entra ID's SCIM tutorial.
 */
public final class ScimUsersFixtures {

    /** Okta's create request, as its SCIM guide documents it. */
    public static final String OKTA_CREATE = """
            {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"test.user@okta.local",
             "name":{"givenName":"Test","familyName":"User"},
             "emails":[{"primary":true,"value":"test.user@okta.local","type":"work"}],
             "displayName":"Test User","locale":"en-US","externalId":"00ujl29u0le5T6Aj10h7",
             "groups":[],"password":"1mz050nq","active":true}""";

    /** Entra ID's create request, with the enterprise extension. */
    public static final String ENTRA_CREATE = """
            {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User",
              "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"],
             "externalId":"0a21f0f2-8d2a-4f8e-bf98-7363c4aed4ef","userName":"Test_User_ab6490ee@testuser.com",
             "active":true,"emails":[{"primary":true,"type":"work","value":"Test_User_fd0ea19b@testuser.com"}],
             "meta":{"resourceType":"User"},
             "name":{"formatted":"givenName familyName","familyName":"familyName","givenName":"givenName"},
             "roles":[],
             "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User":{"department":"Sales",
              "employeeNumber":"701984"}}""";

    private ScimUsersFixtures() {
    }
}
