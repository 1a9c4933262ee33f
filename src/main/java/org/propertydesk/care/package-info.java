/**
 * Customer care (客户关怀): care programmes that reach a target group of households by call, visit, gift, greeting or
 * invitation, with each contact recorded and coverage measured; community activities (社区活动) that owners sign up
 * for and rate.
 */
@ApplicationModule(displayName = "Customer care")
package org.propertydesk.care;

import org.springframework.modulith.ApplicationModule;
