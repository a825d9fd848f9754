import type { LocaleTexts } from '../types';

export const en: LocaleTexts = {
	greeting: (name) => (name ? `Hi ${name}!` : 'Hello!'),
	calendarTitle: 'Visit at {clinic}',
	templates: {
		reminder: {
			subject: 'Reminder: your visit on {date}',
			text: '{greeting} This is a reminder of your visit at {clinic} on {date} at {time}.[ To reschedule: {link}]',
		},
		dayOfReminder: {
			subject: 'Today: your visit at {time}',
			text: '{greeting} We look forward to seeing you today at {time} at {clinic}.[ Directions: {link}]',
		},
		visitConfirmation: {
			subject: 'Please confirm your visit',
			text: '{greeting} Please confirm your visit at {clinic} on {date} at {time}: reply YES to confirm or NO to cancel.',
		},
		surveyRequest: {
			subject: 'How was your visit?',
			text: '{greeting} Thank you for visiting {clinic}. Could you tell us how it went? It takes a minute: {link}',
		},
		surveyNudge: {
			subject: 'A minute for us?',
			text: '{greeting} We would still love to hear about your visit at {clinic}: {link}',
		},
		nps: {
			subject: 'One quick question',
			text: '{greeting} How likely are you to recommend {clinic} to a friend? Reply with a number from 0 to 10.[ Or answer here: {link}]',
		},
		paymentReminder: {
			subject: 'Payment reminder',
			text: '{greeting} A friendly reminder that your payment[ of {amount}] is still open.[ Pay online: {link}]',
		},
		deliveryQuestion: {
			subject: 'Did it arrive?',
			text: '{greeting} Has your delivery arrived? Please reply YES or NO.',
		},
		thanks: {
			subject: 'Thank you!',
			text: '{greeting} Thank you for letting us know. Have a nice day!',
		},
		apology: {
			subject: 'We are sorry',
			text: '{greeting} We are sorry. Your request has been passed to customer service, and the product or service will be sent again.',
		},
		recall: {
			subject: 'Time for your check-up',
			text: '{greeting} It has been a while since your last visit[ on {lastVisit}]. It is time for a check-up at {clinic}.[ Book here: {link}]',
		},
		bonusPoints: {
			subject: 'You have {points} bonus points',
			text: '{greeting} You have {points} bonus points at {clinic}. Use them at your next visit![ Book here: {link}]',
		},
	},
};
