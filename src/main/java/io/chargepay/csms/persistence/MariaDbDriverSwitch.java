package io.chargepay.csms.persistence;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.springframework.stereotype.Component;

/**
 * Serves a {@code jdbc:mysql://} URL that reaches a MariaDB server older than 11 through the MariaDB driver. Those
 * servers announce themselves as "5.5.5-10.x-MariaDB", and MySQL Connector/J, taking 5.5.5 for a MySQL without
 * fractional seconds (before 5.6.4), silently cuts the milliseconds off every timestamp it sends: a repeated
 * StartTransaction would then no longer match the stored one, nor a status report order right. Connector/J has no
 * setting to override that, so the URL's host, port, database and options go to MariaDB Connector/J instead.
 */
@Component
class MariaDbDriverSwitch implements BeanPostProcessor {

	private static final Logger log = LoggerFactory.getLogger(MariaDbDriverSwitch.class);
	private static final String MYSQL_PREFIX = "jdbc:mysql:";

	@Override
	public Object postProcessBeforeInitialization(Object bean, String beanName) {
		if (bean instanceof DataSourceProperties properties && properties.getUrl() != null
				&& properties.getUrl().startsWith(MYSQL_PREFIX) && dropsFractionalSeconds(properties)) {
			String url = "jdbc:mariadb:" + properties.getUrl().substring(MYSQL_PREFIX.length());
			log.warn("The server behind {} is a MariaDB that MySQL Connector/J would store timestamps to without "
					+ "their milliseconds: connecting through the MariaDB driver instead", withoutOptions(properties.getUrl()));
			properties.setUrl(url);
			properties.setDriverClassName("org.mariadb.jdbc.Driver");
		}
		return bean;
	}

	/** The URL up to its options, which may carry credentials. */
	private static String withoutOptions(String url) {
		int options = url.indexOf('?');
		return options < 0 ? url : url.substring(0, options);
	}

	/** Whether the server announces MariaDB behind the 5.5.5 compatibility prefix; unknown when unreachable. */
	private static boolean dropsFractionalSeconds(DataSourceProperties properties) {
		try (Connection connection = DriverManager.getConnection(properties.getUrl(), properties.getUsername(),
				properties.getPassword())) {
			String version = connection.getMetaData().getDatabaseProductVersion();
			return version.startsWith("5.5.5-") && version.contains("MariaDB");
		}
		catch (SQLException unreachable) {
			// Start-up goes on and the pool reports the failure as it would have.
			return false;
		}
	}
}
