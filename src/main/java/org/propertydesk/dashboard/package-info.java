/**
 * Dashboards and reports (看板与报表): the KPIs a property manager is judged on for the sites they may see and a
 * period, each figure computed in SQL and linked to the list of requests behind it; the front desk's "today" view;
 * the monthly report per site as a workbook; the same figures for API clients.
 */
@ApplicationModule(displayName = "Dashboards and reports")
package org.propertydesk.dashboard;

import org.springframework.modulith.ApplicationModule;
