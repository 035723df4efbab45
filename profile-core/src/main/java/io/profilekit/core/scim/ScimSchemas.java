package io.profilekit.core.scim;

/** The URNs of the SCIM schemas and messages profilekit reads and writes (RFC 7643, RFC 7644). */
public final class ScimSchemas {

    /** The core User resource. */
    public static final String USER = "urn:ietf:params:scim:schemas:core:2.0:User";
    /** The enterprise User extension (employee number, department, manager...). */
    public static final String ENTERPRISE_USER = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
    /** A PATCH request's body. */
    public static final String PATCH_OP = "urn:ietf:params:scim:api:messages:2.0:PatchOp";
    /** A query's answer. */
    public static final String LIST_RESPONSE = "urn:ietf:params:scim:api:messages:2.0:ListResponse";
    /** An error's answer. */
    public static final String ERROR = "urn:ietf:params:scim:api:messages:2.0:Error";

    private ScimSchemas() {
    }
}
