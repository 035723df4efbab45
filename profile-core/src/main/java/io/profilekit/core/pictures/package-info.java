/** Pictures beyond their magic bytes: checking an upload's header and image before it is stored. */
package io.profilekit.core.pictures;
