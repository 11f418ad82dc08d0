/** What the modules share about how they store things: entity identity, UTC timestamps for plain JDBC, group commit. */
@org.jspecify.annotations.NullMarked
package io.chargepay.csms.persistence;
