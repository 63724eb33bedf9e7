/** Internals of the embedded broker: port probing and the server properties. Not an API. */
package io.tickforge.broker.internal;
