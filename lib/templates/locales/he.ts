import type { LocaleTexts } from '../types';

export const he: LocaleTexts = {
	greeting: (name) => (name ? `שלום ${name}!` : 'שלום!'),
	calendarTitle: 'תור ב-{clinic}',
	templates: {
		reminder: {
			subject: 'תזכורת: התור שלך ב-{date}',
			text: '{greeting} זוהי תזכורת לתור שלך ב-{clinic} ב-{date} בשעה {time}.[ לשינוי המועד: {link}]',
		},
		dayOfReminder: {
			subject: 'היום: התור שלך בשעה {time}',
			text: '{greeting} נשמח לראותך היום בשעה {time} ב-{clinic}.[ הוראות הגעה: {link}]',
		},
		visitConfirmation: {
			subject: 'נא לאשר את התור',
			text: '{greeting} נא לאשר את התור שלך ב-{clinic} ב-{date} בשעה {time}: יש להשיב כן לאישור או לא לביטול.',
		},
		surveyRequest: {
			subject: 'איך היה הביקור?',
			text: '{greeting} תודה שביקרת ב-{clinic}. נשמח לשמוע איך היה, זה לוקח דקה: {link}',
		},
		surveyNudge: {
			subject: 'דקה בשבילנו?',
			text: '{greeting} עדיין נשמח לשמוע על הביקור שלך ב-{clinic}: {link}',
		},
		nps: {
			subject: 'שאלה קצרה',
			text: '{greeting} מה הסיכוי שתמליצו על {clinic} לחברים? נא להשיב במספר בין 0 ל-10.[ או כאן: {link}]',
		},
		paymentReminder: {
			subject: 'תזכורת לתשלום',
			text: '{greeting} זוהי תזכורת ידידותית שהתשלום[ בסך {amount}] עדיין פתוח.[ לתשלום מקוון: {link}]',
		},
		deliveryQuestion: {
			subject: 'האם המשלוח הגיע?',
			text: '{greeting} האם המשלוח שלך הגיע? נא להשיב כן או לא.',
		},
		thanks: {
			subject: 'תודה!',
			text: '{greeting} תודה על העדכון. יום נעים!',
		},
		apology: {
			subject: 'אנו מתנצלים',
			text: '{greeting} אנו מצטערים. הפנייה שלך הועברה לשירות הלקוחות, והמוצר או השירות יישלחו שוב.',
		},
		recall: {
			subject: 'הגיע הזמן לבדיקה',
			text: '{greeting} עבר זמן מה מאז הביקור האחרון שלך[ ({lastVisit})]. הגיע הזמן לבדיקה ב-{clinic}.[ לקביעת תור: {link}]',
		},
		bonusPoints: {
			subject: 'יש לך {points} נקודות בונוס',
			text: '{greeting} יש לך {points} נקודות בונוס ב-{clinic}. אפשר לממש אותן בביקור הבא![ לקביעת תור: {link}]',
		},
	},
};
