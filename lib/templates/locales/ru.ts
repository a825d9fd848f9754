import type { LocaleTexts } from '../types';

export const ru: LocaleTexts = {
	greeting: (name) => (name ? `Здравствуйте, ${name}!` : 'Здравствуйте!'),
	calendarTitle: 'Визит: {clinic}',
	templates: {
		reminder: {
			subject: 'Напоминание о визите {date}',
			text: '{greeting} Напоминаем о вашем визите: {clinic}, {date}, в {time}.[ Изменить время: {link}]',
		},
		dayOfReminder: {
			subject: 'Сегодня ваш визит в {time}',
			text: '{greeting} Ждём вас сегодня в {time}: {clinic}.[ Как добраться: {link}]',
		},
		visitConfirmation: {
			subject: 'Подтвердите визит',
			text: '{greeting} Пожалуйста, подтвердите визит: {clinic}, {date}, в {time}. Ответьте ДА для подтверждения или НЕТ для отмены.',
		},
		surveyRequest: {
			subject: 'Как прошёл визит?',
			text: '{greeting} Спасибо за визит ({clinic}). Оцените, пожалуйста, как всё прошло, это займёт минуту: {link}',
		},
		surveyNudge: {
			subject: 'Минутка для нас?',
			text: '{greeting} Нам по-прежнему важно ваше мнение о визите ({clinic}): {link}',
		},
		nps: {
			subject: 'Один короткий вопрос',
			text: '{greeting} Насколько вероятно, что вы порекомендуете нас ({clinic}) друзьям? Ответьте числом от 0 до 10.[ Или здесь: {link}]',
		},
		paymentReminder: {
			subject: 'Напоминание об оплате',
			text: '{greeting} Напоминаем, что оплата[ на сумму {amount}] ещё не поступила.[ Оплатить онлайн: {link}]',
		},
		deliveryQuestion: {
			subject: 'Доставка прибыла?',
			text: '{greeting} Ваша доставка прибыла? Ответьте ДА или НЕТ.',
		},
		thanks: {
			subject: 'Спасибо!',
			text: '{greeting} Спасибо, что сообщили. Хорошего дня!',
		},
		apology: {
			subject: 'Приносим извинения',
			text: '{greeting} Нам очень жаль. Ваше обращение передано в службу поддержки, товар или услуга будут отправлены повторно.',
		},
		recall: {
			subject: 'Пора на профилактический осмотр',
			text: '{greeting} С вашего последнего визита[ ({lastVisit})] прошло уже немало времени. Приглашаем на профилактический осмотр: {clinic}.[ Записаться: {link}]',
		},
		bonusPoints: {
			subject: 'У вас {points} бонусных баллов',
			text: '{greeting} У вас {points} бонусных баллов ({clinic}). Используйте их при следующем визите![ Записаться: {link}]',
		},
	},
};
