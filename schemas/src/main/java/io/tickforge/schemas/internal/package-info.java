/** Internals of the schemas module: field checks shared by the records. Not an API; may change without notice. */
package io.tickforge.schemas.internal;
