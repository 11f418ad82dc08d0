/**
 * The REST API: controllers with their request and response records, bearer-token security, and the mapping of every
 * error to an RFC 9457 problem. Calls the core modules' services; no core module knows about it.
 */
@org.jspecify.annotations.NullMarked
package io.chargepay.csms.web;
